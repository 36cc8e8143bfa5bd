using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Sessions;

/// <summary>Ending legs: what goes on the wire depends on direction and progress.</summary>
internal static class LegActions
{
    /// <summary>The terminal ended the leg (BYE, CANCEL, error): record it and free its endpoint.</summary>
    public static void MarkEnded(DecisionBuilder b, LegState leg, LegEndCause cause, int? status)
    {
        b.Emit(new LegEnded(b.Id, leg.Id, cause, status, b.Now));
        Release(b, leg);
    }

    /// <summary>
    /// The cluster ends a live leg: unanswered inbound INVITE gets <paramref name="status"/>,
    /// unanswered outbound INVITE is cancelled (or never sent), connected dialogs get BYE.
    /// </summary>
    public static void End(DecisionBuilder b, LegState leg, int status, string reason)
    {
        leg = b.LegNow(leg.Id);
        switch (leg)
        {
            case { Phase: LegPhase.Ended }:
                return;
            case { Direction: LegDirection.Inbound, IsUnanswered: true }:
                b.Do(new RejectInvite(b.Id, leg.Id, status, reason));
                b.Emit(new LegEnded(b.Id, leg.Id, LegEndCause.RejectedByCluster, status, b.Now));
                break;
            case { Phase: LegPhase.Pending }:
                b.Emit(new LegEnded(b.Id, leg.Id, LegEndCause.Abandoned, null, b.Now));
                break;
            case { Direction: LegDirection.Outbound, IsUnanswered: true }:
                b.Do(new SendCancel(b.Id, leg.Id, leg.CallId ?? string.Empty, leg.LocalTag ?? string.Empty, reason));
                b.Emit(new LegEnded(b.Id, leg.Id, LegEndCause.CancelSent, null, b.Now));
                break;
            default:
                Bye(b, leg, reason);
                b.Emit(new LegEnded(b.Id, leg.Id, LegEndCause.ByeSent, null, b.Now));
                break;
        }

        Release(b, leg);
    }

    /// <summary>Sends BYE in the leg's dialog with the next CSeq.</summary>
    public static void Bye(DecisionBuilder b, LegState leg, string reason)
    {
        if (leg.Dialog is not null)
        {
            b.Do(new SendBye(b.Id, leg.Id, leg.Dialog with { LocalCSeq = leg.Dialog.LocalCSeq + 1 }, reason));
        }
    }

    /// <summary>Ends the other leg of the pair <paramref name="leg"/> belongs to.</summary>
    public static void EndPartner(DecisionBuilder b, LegState leg, int status, string reason)
    {
        if (leg.Partner is not null && b.State.Leg(leg.Partner) is { } partner)
        {
            End(b, partner, status, reason);
        }
    }

    /// <summary>Ends every live leg.</summary>
    public static void EndAll(DecisionBuilder b, int status, string reason)
    {
        foreach (var leg in b.State.LiveLegs.ToList())
        {
            End(b, leg, status, reason);
        }
    }

    private static void Release(DecisionBuilder b, LegState leg)
    {
        if (leg.EndpointId is not null)
        {
            b.Do(new ReleaseMedia(b.Id, leg.EndpointId));
        }
    }
}
