using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// Rules run after every command: send the INVITEs that are due, answer the inbound legs whose
/// partner answered, join the connected endpoints, update the phase, end the session when no
/// leg is left.
/// </summary>
internal static class SessionProgress
{
    public static void Advance(DecisionBuilder b)
    {
        if (!b.State.Exists || b.State.IsOver)
        {
            return;
        }

        SendDueInvites(b);
        AnswerDueInbound(b);
        MediaJoin.Update(b);
        UpdatePhase(b);
        EndWhenNoLegLeft(b);
    }

    private static void SendDueInvites(DecisionBuilder b)
    {
        foreach (var leg in b.State.Legs.Where(l => l is { Direction: LegDirection.Outbound, Phase: LegPhase.Pending }).ToList())
        {
            if (b.State.Kind == SessionKind.ClickToCall && leg.Role != LegRole.Mobile
                && !b.State.Legs.Any(l => l is { Role: LegRole.Mobile, IsConnected: true }))
            {
                continue;
            }

            var partner = leg.Partner is null ? null : b.State.Leg(leg.Partner);
            var sdp = b.State.AnchorMedia ? leg.LocalSdp : partner?.RemoteSdp;
            if (b.State.AnchorMedia && sdp is null)
            {
                continue;
            }

            var callId = leg.Id.Value;
            var localTag = "cc" + leg.Id.Value.Replace('.', '-');
            b.Emit(new LegInvited(b.Id, leg.Id, callId, localTag, sdp, b.Now));
            b.Do(new SendInvite(b.Id, leg.Id, callId, localTag, InviteHeaders.From(b.State, leg), leg.Peer, sdp, InviteHeaders.For(b.State, leg)));
        }
    }

    private static void AnswerDueInbound(DecisionBuilder b)
    {
        foreach (var leg in b.State.Legs.Where(l => l is { Direction: LegDirection.Inbound, IsUnanswered: true }).ToList())
        {
            var partner = leg.Partner is null ? null : b.State.Leg(leg.Partner);
            if (partner is not { IsConnected: true } || leg.Dialog is null)
            {
                continue;
            }

            var sdp = b.State.AnchorMedia ? leg.LocalSdp : partner.RemoteSdp;
            if (b.State.AnchorMedia && sdp is null)
            {
                continue;
            }

            var dialog = leg.Dialog with { Early = false };
            b.Emit(new LegAnswered(b.Id, leg.Id, dialog, null, sdp, b.Now));
            b.Do(new AnswerInvite(b.Id, leg.Id, dialog, sdp));
        }
    }

    private static void UpdatePhase(DecisionBuilder b)
    {
        var phase = DesiredPhase(b.State);
        if (phase != b.State.Phase)
        {
            b.Emit(new SessionPhaseChanged(b.Id, phase, b.Now));
        }
    }

    internal static SessionPhase DesiredPhase(SessionState s)
    {
        if (s.Phase == SessionPhase.Bridged)
        {
            return SessionPhase.Bridged;
        }

        int connected;
        if (s.Kind == SessionKind.ClickToCall)
        {
            // The mobile plus one other is a two-party call, plus both others the three-party call.
            var mobileUp = s.Legs.Any(l => l is { Role: LegRole.Mobile, IsConnected: true });
            connected = mobileUp ? s.Legs.Count(l => l.Role != LegRole.Mobile && l.IsConnected) : 0;
        }
        else
        {
            connected = ConnectedPairs(s).Count;
        }

        return connected switch
        {
            >= 2 => SessionPhase.ThreeParty,
            1 => SessionPhase.Established,
            _ => s.Legs.Any(l => l.Phase == LegPhase.Early || (l.Role == LegRole.Mobile && l.IsConnected))
                ? SessionPhase.Ringing
                : SessionPhase.Setup,
        };
    }

    /// <summary>Pairs (inbound leg, its outbound partner) with both sides connected.</summary>
    internal static IReadOnlyList<(LegState In, LegState Out)> ConnectedPairs(SessionState s) =>
        s.Legs.Where(l => l is { Direction: LegDirection.Inbound, IsConnected: true })
            .Select(l => (In: l, Out: l.Partner is null ? null : s.Leg(l.Partner)))
            .Where(p => p.Out is { IsConnected: true })
            .Select(p => (p.In, p.Out!))
            .ToList();

    private static void EndWhenNoLegLeft(DecisionBuilder b)
    {
        if (b.State.LiveLegs.Any())
        {
            return;
        }

        if (b.State.AnchorMedia)
        {
            b.Do(new ReleaseSessionMedia(b.Id));
        }

        b.Emit(new SessionEnded(b.Id, b.Reason ?? SessionEndReason.NormalClearing, b.ReasonStatus, b.Now));
        b.Do(new WriteSessionCdr(b.Id));
    }
}
