using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Sessions;

internal static partial class SessionDecider
{
    private static ISessionReply OnProvisional(DecisionBuilder b, ProvisionalReceived c)
    {
        var leg = b.State.Leg(c.LegId);
        if (leg is null || leg.Direction != LegDirection.Outbound)
        {
            return b.Reject(481, "no such outbound leg");
        }

        if (c.Status is < 101 or > 199 || leg.Phase is not (LegPhase.Inviting or LegPhase.Early))
        {
            return b.Accept();
        }

        if (leg.Phase == LegPhase.Inviting)
        {
            b.Emit(new LegProvisional(b.Id, leg.Id, c.Status, b.Now));
        }

        var partner = leg.Partner is null ? null : b.State.Leg(leg.Partner);
        if (partner is { Direction: LegDirection.Inbound, IsUnanswered: true })
        {
            if (partner.Phase == LegPhase.Inviting)
            {
                b.Emit(new LegProvisional(b.Id, partner.Id, c.Status, b.Now));
            }

            // Anchored: our endpoint's SDP goes with a 183 (early media through the media node).
            var sdp = b.State.AnchorMedia ? (c.Status == 183 ? partner.LocalSdp : null) : c.Sdp;
            b.Do(new SendProvisional(b.Id, partner.Id, c.Status == 183 && sdp is not null ? 183 : 180, sdp));
        }

        return b.Accept();
    }

    private static ISessionReply OnAnswer(DecisionBuilder b, AnswerReceived c)
    {
        var leg = b.State.Leg(c.LegId);
        if (leg is null || leg.Direction != LegDirection.Outbound)
        {
            return b.Reject(481, "no such outbound leg");
        }

        if (leg.Phase == LegPhase.Ended || b.State.IsOver)
        {
            // A 2xx that crossed our CANCEL (or came after the session ended): acknowledge and hang up.
            b.Do(new SendBye(b.Id, leg.Id, c.Dialog with { LocalCSeq = c.Dialog.LocalCSeq + 1, Early = false }, "session over"));
            return b.Accept();
        }

        if (leg.Phase == LegPhase.Confirmed)
        {
            return b.Accept();
        }

        b.Emit(new LegAnswered(b.Id, leg.Id, c.Dialog with { Early = false }, c.Sdp, null, b.Now));
        if (b.State.AnchorMedia && leg.EndpointId is not null && c.Sdp is not null)
        {
            b.Do(new ConfigureMedia(b.Id, leg.Id, leg.EndpointId, c.Sdp));
        }

        return b.Accept();
    }

    private static ISessionReply OnFailure(DecisionBuilder b, FailureReceived c)
    {
        var leg = b.State.Leg(c.LegId);
        if (leg is null || leg.Direction != LegDirection.Outbound)
        {
            return b.Reject(481, "no such outbound leg");
        }

        if (c.Status < 300 || c.Status > 699)
        {
            return b.Reject(400, "a failure is a final status 300-699");
        }

        if (!leg.IsUnanswered)
        {
            return b.Accept();
        }

        LegActions.MarkEnded(b, leg, LegEndCause.Rejected, c.Status);
        var upstream = FailureMapping.ToCaller(c.Status);
        switch (b.State.Kind)
        {
            case SessionKind.Plain:
                b.SetReason(FailureMapping.ForCallee(c.Status), upstream);
                LegActions.EndPartner(b, leg, upstream, ReasonText(c));
                break;
            case SessionKind.Home:
                b.SetReason(FailureMapping.ForRole(leg.Role, c.Status), upstream);
                LegActions.EndPartner(b, leg, upstream, ReasonText(c));
                break;
            default:
                OnClickToCallFailure(b, leg, c, upstream);
                break;
        }

        return b.Accept();
    }

    private static void OnClickToCallFailure(DecisionBuilder b, LegState leg, FailureReceived c, int upstream)
    {
        b.SetReason(FailureMapping.ForRole(leg.Role, c.Status), upstream);
        var othersLeft = b.State.LiveLegs.Any(l => l.Role != LegRole.Mobile);
        if (leg.Role == LegRole.Mobile || !othersLeft)
        {
            LegActions.EndAll(b, upstream, ReasonText(c));
        }
    }

    private static string ReasonText(FailureReceived c) => string.IsNullOrWhiteSpace(c.Reason) ? $"peer answered {c.Status}" : c.Reason;
}
