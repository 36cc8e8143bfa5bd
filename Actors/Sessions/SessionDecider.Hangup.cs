using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Sessions;

internal static partial class SessionDecider
{
    private const int GoneStatus = 480;

    private static ISessionReply OnBye(DecisionBuilder b, ByeReceived c)
    {
        var leg = b.State.Leg(c.LegId);
        if (leg is null)
        {
            return b.Reject(481, "no such leg");
        }

        if (leg.IsLive)
        {
            HangUp(b, leg, LegEndCause.ByeReceived, sendBye: false);
        }

        return b.Accept();
    }

    private static ISessionReply OnTimerExpired(DecisionBuilder b, SessionTimerExpired c)
    {
        var leg = b.State.Leg(c.LegId);
        if (leg is null)
        {
            return b.Reject(481, "no such leg");
        }

        if (leg.IsConnected)
        {
            b.SetReason(SessionEndReason.SessionTimerExpired);
            HangUp(b, leg, LegEndCause.SessionTimerExpired, sendBye: true);
        }

        return b.Accept();
    }

    private static ISessionReply OnCancel(DecisionBuilder b, CancelReceived c)
    {
        var leg = b.State.Leg(c.LegId);
        if (leg is null || leg.Direction != LegDirection.Inbound)
        {
            return b.Reject(481, "no such inbound leg");
        }

        if (!leg.IsUnanswered)
        {
            // Too late: the INVITE already has its final response. CANCEL itself still gets 200.
            return b.Accept();
        }

        b.Do(new RejectInvite(b.Id, leg.Id, 487, "Request Terminated"));
        LegActions.MarkEnded(b, leg, LegEndCause.CancelReceived, 487);
        b.SetReason(b.State.Kind == SessionKind.Plain ? SessionEndReason.CallerCancelled : SessionEndReason.MobileCancelled, 487);
        LegActions.EndPartner(b, leg, 487, "caller cancelled");
        return b.Accept();
    }

    /// <summary>
    /// A leg is gone (BYE received, session timer or dead media). Before the three-party call each
    /// of the mobile's calls lives on its own: its pair ends, the other pair goes on. In the
    /// three-party call the mobile leaving keeps local and remote (bridged, no re-INVITE); the
    /// local terminal or remote leaving ends the mobile's call to it and the other call goes on.
    /// </summary>
    private static void HangUp(DecisionBuilder b, LegState leg, LegEndCause cause, bool sendBye)
    {
        if (sendBye)
        {
            LegActions.Bye(b, leg, cause == LegEndCause.SessionTimerExpired ? "session timer expired" : "no media");
        }

        var phase = b.State.Phase;
        LegActions.MarkEnded(b, leg, cause, null);
        const string reason = "peer hung up";
        switch (b.State.Kind)
        {
            case SessionKind.Home when phase == SessionPhase.ThreeParty && leg.Role == LegRole.Mobile:
                foreach (var other in b.State.LiveLegs.Where(l => l.Role == LegRole.Mobile).ToList())
                {
                    LegActions.End(b, other, GoneStatus, "mobile left the conference");
                }

                b.Emit(new SessionPhaseChanged(b.Id, SessionPhase.Bridged, b.Now));
                break;
            case SessionKind.ClickToCall when phase == SessionPhase.ThreeParty && leg.Role == LegRole.Mobile:
                b.Emit(new SessionPhaseChanged(b.Id, SessionPhase.Bridged, b.Now));
                break;
            case SessionKind.Home or SessionKind.ClickToCall when phase == SessionPhase.Bridged:
                LegActions.EndAll(b, GoneStatus, reason);
                break;
            case SessionKind.ClickToCall when leg.Role == LegRole.Mobile:
                LegActions.EndAll(b, GoneStatus, reason);
                break;
            case SessionKind.ClickToCall:
                if (phase != SessionPhase.ThreeParty && !b.State.LiveLegs.Any(l => l.Role != LegRole.Mobile))
                {
                    LegActions.EndAll(b, GoneStatus, reason);
                }

                break;
            default:
                LegActions.EndPartner(b, leg, GoneStatus, reason);
                break;
        }
    }
}
