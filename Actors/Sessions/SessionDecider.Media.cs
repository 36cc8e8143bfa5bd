using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Sessions;

internal static partial class SessionDecider
{
    private static ISessionReply OnEndpointReady(DecisionBuilder b, MediaEndpointReady c)
    {
        var leg = b.State.Leg(c.LegId);
        if (leg is null || !leg.IsLive || b.State.IsOver)
        {
            b.Do(new ReleaseMedia(b.Id, c.EndpointId));
            return leg is null ? b.Reject(481, "no such leg") : b.Accept();
        }

        if (leg.EndpointId == c.EndpointId)
        {
            return b.Accept();
        }

        // One session, one media node (a mix or bridge joins endpoints of one node): an endpoint
        // from another node than the session's other legs (the router's placement moved while
        // allocations were in flight) is given back and allocated again beside them.
        if (b.State.LiveLegs.Any(l => l.Id != leg.Id && l.MediaNode is not null && l.MediaNode != c.MediaNode))
        {
            b.Do(new ReleaseMedia(b.Id, c.EndpointId));
            b.Do(new AllocateMedia(b.Id, leg.Id, ParticipantOf(leg), leg.RemoteSdp, c.MediaNode));
            return b.Accept();
        }

        if (leg.EndpointId is not null)
        {
            b.Do(new ReleaseMedia(b.Id, leg.EndpointId));
        }

        b.Emit(new MediaAnchored(b.Id, leg.Id, c.MediaNode, c.EndpointId, c.LocalSdp, b.Now));
        if (leg.RemoteSdp is not null)
        {
            b.Do(new ConfigureMedia(b.Id, leg.Id, c.EndpointId, leg.RemoteSdp));
        }

        var moved = b.LegNow(leg.Id);
        if (moved is { IsConnected: true, Dialog: not null })
        {
            b.Do(new SendReInvite(b.Id, leg.Id, moved.Dialog, c.LocalSdp));
        }

        return b.Accept();
    }

    private static ISessionReply OnAllocationFailed(DecisionBuilder b, MediaAllocationFailed c)
    {
        var leg = b.State.Leg(c.LegId);
        if (leg is null)
        {
            return b.Reject(481, "no such leg");
        }

        if (leg.IsLive && !b.State.IsOver)
        {
            b.SetReason(SessionEndReason.MediaUnavailable, 503);
            LegActions.EndAll(b, 503, "no media resources");
        }

        return b.Accept();
    }

    private static ISessionReply OnEndpointDead(DecisionBuilder b, MediaEndpointDead c)
    {
        var leg = b.State.LiveLegs.FirstOrDefault(l => l.EndpointId == c.EndpointId);
        if (leg is not null && leg.IsConnected)
        {
            b.SetReason(SessionEndReason.MediaSilence);
            HangUp(b, leg, LegEndCause.MediaSilence, sendBye: true);
        }

        return b.Accept();
    }

    /// <summary>After a recovery: every live leg without an endpoint.</summary>
    private static ISessionReply OnResumeMedia(DecisionBuilder b) => AllocateAgain(b, _ => true);

    /// <summary>On the retry timer: established legs whose re-anchoring got no endpoint yet.</summary>
    private static ISessionReply OnRetryMedia(DecisionBuilder b) => AllocateAgain(b, l => l.IsConnected);

    /// <summary>Allocates, on any media node, each live leg of an anchored session that has no endpoint and matches <paramref name="which"/>.</summary>
    private static ISessionReply AllocateAgain(DecisionBuilder b, Func<LegState, bool> which)
    {
        if (!b.State.AnchorMedia || b.State.IsOver)
        {
            return b.Accept();
        }

        foreach (var leg in b.State.LiveLegs.Where(l => l.EndpointId is null && which(l)).ToList())
        {
            b.Do(new AllocateMedia(b.Id, leg.Id, ParticipantOf(leg), leg.RemoteSdp, null));
        }

        return b.Accept();
    }

    private static ISessionReply OnMediaNodeLost(DecisionBuilder b, MediaNodeLost c)
    {
        foreach (var leg in b.State.LiveLegs.Where(l => l.MediaNode == c.MediaNode).ToList())
        {
            b.Emit(new MediaDetached(b.Id, leg.Id, "media node lost", b.Now));
            b.Do(new AllocateMedia(b.Id, leg.Id, ParticipantOf(leg), leg.RemoteSdp, c.MediaNode));
        }

        return b.Accept();
    }
}
