using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;
using static CallCluster.Actors.Sessions.SessionReplies;

namespace CallCluster.Actors.Sessions;

internal static partial class SessionDecider
{
    private static ISessionReply OnReInvite(DecisionBuilder b, ReInviteReceived c)
    {
        var leg = b.State.Leg(c.LegId);
        if (leg is null || leg.Phase == LegPhase.Ended)
        {
            return b.Reject(481, "no such dialog");
        }

        if (!leg.IsConnected)
        {
            return b.Reject(491, "the dialog is not confirmed yet");
        }

        if (c.Sdp is null || string.Equals(c.Sdp, leg.RemoteSdp, StringComparison.Ordinal))
        {
            // A session refresh (RFC 4028) or an offer we already hold: same answer as before.
            return new InDialogAnswer(b.Id, leg.Id, 200, leg.LocalSdp);
        }

        if (!b.State.AnchorMedia)
        {
            return b.Reject(488, "media changes are not relayed when media bypasses the cluster");
        }

        b.Emit(new LegSdpChanged(b.Id, leg.Id, c.Sdp, c.CSeq, b.Now));
        if (leg.EndpointId is not null)
        {
            b.Do(new ConfigureMedia(b.Id, leg.Id, leg.EndpointId, c.Sdp));
        }

        return new InDialogAnswer(b.Id, leg.Id, 200, leg.LocalSdp);
    }
}
