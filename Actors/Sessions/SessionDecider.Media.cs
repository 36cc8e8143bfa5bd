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

        if (leg.EndpointId is not null && leg.MediaNode == c.MediaNode)
        {
            // The node holding this leg's endpoint gave it a new one: a media node answers a repeated
            // allocation with the endpoint it holds, so it holds none; a new incarnation at the same
            // address. Every endpoint the session had there went with the old one.
            ForgottenBy(b, c.MediaNode, leg);
        }
        else if (b.State.LiveLegs.Any(l => l.Id != leg.Id && l.MediaNode is not null && l.MediaNode != c.MediaNode))
        {
            // One session, one media node (a mix or bridge joins endpoints of one node): an endpoint
            // from another node than the session's other legs (the router's placement moved while
            // allocations were in flight) is given back and allocated again beside them.
            b.Do(new ReleaseMedia(b.Id, c.EndpointId));
            b.Do(new AllocateMedia(b.Id, leg.Id, ParticipantOf(leg), leg.RemoteSdp, c.MediaNode));
            return b.Accept();
        }
        else if (leg.EndpointId is not null)
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

    /// <summary>
    /// After a recovery: every live leg without an endpoint is allocated, and every anchored live
    /// leg is allocated again on its own node. A node that still holds the leg's endpoint answers
    /// with it and nothing changes; a node restarted at the same address, which looks like a
    /// healthy member, answers with a new one, which re-anchors the session there.
    /// </summary>
    private static ISessionReply OnResumeMedia(DecisionBuilder b) => AllocateAgain(b, l => l.EndpointId is null || l.MediaNode is not null);

    /// <summary>The session's other live legs anchored on <paramref name="node"/> lost their endpoints with it: each is detached and allocated again.</summary>
    private static void ForgottenBy(DecisionBuilder b, string node, LegState reanchored)
    {
        foreach (var other in b.State.LiveLegs.Where(l => l.Id != reanchored.Id && l.MediaNode == node && l.EndpointId is not null).ToList())
        {
            b.Emit(new MediaDetached(b.Id, other.Id, "media node restarted", b.Now));
            b.Do(new AllocateMedia(b.Id, other.Id, ParticipantOf(other), other.RemoteSdp, null));
        }
    }

    /// <summary>On the retry timer: established legs whose re-anchoring got no endpoint yet.</summary>
    private static ISessionReply OnRetryMedia(DecisionBuilder b) => AllocateAgain(b, l => l.EndpointId is null && l.IsConnected);

    /// <summary>Allocates each live leg of an anchored session that matches <paramref name="which"/>: on any media node when it has no endpoint, else on its own.</summary>
    private static ISessionReply AllocateAgain(DecisionBuilder b, Func<LegState, bool> which)
    {
        if (!b.State.AnchorMedia || b.State.IsOver)
        {
            return b.Accept();
        }

        foreach (var leg in b.State.LiveLegs.Where(which).ToList())
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
