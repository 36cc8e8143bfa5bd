using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Sharding;
using static CallCluster.Actors.Calls.MobileCallsCommands;
using static CallCluster.Actors.Calls.MobileCallsReplies;

namespace CallCluster.Actors.Calls;

/// <summary>
/// The mobile-calls index entity of one mobile, sharded by the mobile's user name. It is NOT
/// persistent: it holds only live calls, forgets calls older than <see cref="MaxCallAge"/>, and
/// passivates when idle. After a crash of its node the index starts empty: calls already up stay
/// up (the sessions are persistent), only joining a new INVITE to a call placed before the crash
/// is lost (the new INVITE then starts its own session).
/// </summary>
public sealed class MobileCallsEntity : ReceiveActor
{
    /// <summary>Calls are forgotten after this long even without an end notice.</summary>
    public static readonly TimeSpan MaxCallAge = TimeSpan.FromHours(12);

    private readonly string _mobile;
    private ImmutableList<MobileCall> _calls = ImmutableList<MobileCall>.Empty;

    public MobileCallsEntity(string mobile)
    {
        _mobile = mobile;
        Receive<PlaceCall>(c => c.Mobile == _mobile, OnPlace);
        Receive<CallEnded>(c => c.Mobile == _mobile, OnEnded);
        Receive<GetCalls>(_ => Sender.Tell(new LiveCalls(_mobile, Current())));
        Receive<ReceiveTimeout>(_ =>
        {
            if (Current().Count == 0)
            {
                Context.Parent.Tell(new Passivate(PoisonPill.Instance));
            }
        });
        Context.SetReceiveTimeout(TimeSpan.FromMinutes(2));
    }

    public static Props Props(string mobile) => Hosting.DirectProps.Of(() => new MobileCallsEntity(mobile));

    private ImmutableList<MobileCall> Current() =>
        _calls = MobileCallsRules.Expire(_calls, Context.System.Scheduler.Now, MaxCallAge);

    private void OnPlace(PlaceCall c)
    {
        var (sessionId, joined, calls) = MobileCallsRules.Place(Current(), c, Context.System.Scheduler.Now);
        _calls = calls;
        Sender.Tell(new JoinDecision(_mobile, sessionId, joined));
    }

    private void OnEnded(CallEnded c) => _calls = MobileCallsRules.End(Current(), c);
}

/// <summary>Routes <see cref="IMobileCallsCommand"/>s by mobile.</summary>
public sealed class MobileCallsMessageExtractor(int shardCount = 100) : HashCodeMessageExtractor(shardCount)
{
    public override string? EntityId(object message) => message switch
    {
        IMobileCallsCommand c when !string.IsNullOrEmpty(c.Mobile) => c.Mobile,
        _ => null,
    };
}
