using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// Which events reach the journal and in what shape. A call costs one journal row per decision
/// that changes what recovery needs: a plain call writes three (set up, answered, ended).
/// Provisionals (and the ringing phase they bring) and the CDR confirmation are applied in memory
/// only: a session recovered while ringing is back in set-up with its legs inviting. So is a leg's
/// detach from a lost media node: the re-anchoring it starts is not held up by a journal write, and
/// a session recovered before the new endpoint was recorded finds the old one, whose node it checks
/// as it recovers (a lost node is re-anchored again; a node that was only cut off from the
/// session's previous home still carries the call).
/// </summary>
public static class SessionDurability
{
    /// <summary>True when recovery needs the event.</summary>
    public static bool IsDurable(ISessionEvent e) =>
        e is not (LegProvisional or CdrConfirmed or MediaDetached or SessionPhaseChanged { Phase: SessionPhase.Ringing });

    /// <summary>
    /// What to persist for a decision's events: nothing, the single durable event, or one
    /// <see cref="SessionStep"/> holding the durable events in order.
    /// </summary>
    public static ISessionEvent? ToJournal(SessionId id, IReadOnlyList<ISessionEvent> events)
    {
        ISessionEvent? single = null;
        List<ISessionEvent>? many = null;
        foreach (var e in events)
        {
            if (e is SessionStep)
            {
                throw new ArgumentException("a decision never emits a SessionStep", nameof(events));
            }

            if (!IsDurable(e))
            {
                continue;
            }

            if (single is null)
            {
                single = e;
                continue;
            }

            many ??= [single];
            many.Add(e);
        }

        return many is null ? single : new SessionStep(id, many);
    }
}
