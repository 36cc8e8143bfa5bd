using System.Collections.Concurrent;
using Akka.Actor;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Tests.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionReplies;
using static CallCluster.Actors.Tests.Cluster.ClusterHelpers;

namespace CallCluster.Actors.Tests.Cluster;

/// <summary>Plain calls brought to the established phase through a session region, with the SIP effects collected by an <see cref="EffectCollector"/>.</summary>
public static class EstablishedCalls
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
    private const string Answer = "v=0\r\no=- 2 1 IN IP4 192.0.2.2\r\ns=-\r\nc=IN IP4 192.0.2.2\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n";
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(10);
    private static readonly Party Caller = new("sip:alice@home.example");
    private static readonly Party Callee = new("sip:bob@home.example");

    /// <summary>One inbound INVITE per id (media not anchored), then the answer to each outbound INVITE; returns each session's callee leg.</summary>
    public static async Task<Dictionary<SessionId, LegId>> StartAsync(IActorRef region, ConcurrentQueue<object> sip, IReadOnlyList<SessionId> ids)
    {
        foreach (var id in ids)
        {
            var accepted = await region.Ask<ISessionReply>(
                new InboundInvite(id, new LegId(id.Value + ".a"), SessionKind.Plain, Caller, Callee, LegRole.Callee, SessionScenario.Dialog(id.Value + ".a"), Offer, AnchorMedia: false), Ask);
            Assert.IsType<Accepted>(accepted);
        }

        var wanted = ids.ToHashSet();
        IEnumerable<SendInvite> Invites() => sip.OfType<SendInvite>().Where(i => wanted.Contains(i.SessionId));
        await Eventually(() => Task.FromResult(Invites().Select(e => e.SessionId).Distinct().Count() == ids.Count), TimeSpan.FromSeconds(10), "an outbound INVITE per session");
        var callees = new Dictionary<SessionId, LegId>();
        foreach (var invite in Invites())
        {
            callees[invite.SessionId] = invite.LegId;
            Assert.IsType<Accepted>(await region.Ask<ISessionReply>(new AnswerReceived(invite.SessionId, invite.LegId, SessionScenario.Dialog(invite.LegId.Value), Answer), Ask));
        }

        return callees;
    }
}
