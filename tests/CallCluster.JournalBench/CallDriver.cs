using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using CallCluster.Actors.Sessions;
using CallCluster.Sip.Dialogs;
using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.JournalBench;

/// <summary>
/// Drives session entities through a plain call (media bypassed) the way the gateway would:
/// INVITE, 180, 200, ACK, BYE; the CDR is confirmed by <see cref="FakeCdrWriter"/> and the entity
/// passivates. Each persisting command's time from send to reply is recorded.
/// </summary>
public sealed class CallDriver
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 8\r\n";
    private const string Answer = "v=0\r\no=- 2 1 IN IP4 192.0.2.2\r\ns=-\r\nc=IN IP4 192.0.2.2\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private static readonly Party Caller = new("sip:alice@home.test");
    private static readonly Party Callee = new("sip:bob@far.test", PartyKind.Trunk, "far");

    private readonly ConcurrentDictionary<string, TaskCompletionSource<LegId>> _invites = new();
    private readonly IActorRef _shard;
    private readonly IActorRef _gateway;
    private readonly IActorRef _media;
    private readonly IActorRef _cdr;

    public CallDriver(ActorSystem system)
    {
        _shard = system.ActorOf(BenchShard.Props(), "shard");
        _gateway = system.ActorOf(FakeGateway.Props(_invites), "gateway");
        _media = system.ActorOf(FakeMedia.Props(), "media");
        _cdr = system.ActorOf(FakeCdrWriter.Props(), "cdr");
    }

    /// <summary>A started entity, its callee leg once invited, and the task that completes when it stops.</summary>
    public sealed record Call(SessionId Id, IActorRef Entity, LegId? CalleeLeg, Task Stopped);

    public async Task<Call> StartEntity(SessionId id)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entity = await _shard.Ask<IActorRef>(new BenchShard.StartEntity(EntityProps(id), stopped), AskTimeout);
        return new Call(id, entity, null, stopped.Task);
    }

    /// <summary>INVITE, 180, 200, ACK: the session is Established. The INVITE starts the entity, as on a node.</summary>
    public async Task<Call> Establish(SessionId id, List<long> latencies)
    {
        var invited = new TaskCompletionSource<LegId>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invites[id.Value] = invited;
        var caller = new LegId(id.Value + "-a");
        var invite = new InboundInvite(id, caller, SessionKind.Plain, Caller, Callee, LegRole.Callee, Dialog(caller.Value, uac: false), Offer, AnchorMedia: false, NewSession: true);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Send(_shard, new BenchShard.StartEntity(EntityProps(id), stopped, invite, started), invite, latencies);
        var call = new Call(id, await started.Task.WaitAsync(AskTimeout), null, stopped.Task);
        var callee = await invited.Task.WaitAsync(AskTimeout);
        await Send(call.Entity, new ProvisionalReceived(id, callee, 180, null), latencies);
        await Send(call.Entity, new AnswerReceived(id, callee, Dialog(callee.Value, uac: true), Answer), latencies);
        await Send(call.Entity, new AckReceived(id, caller), null);
        return call with { CalleeLeg = callee };
    }

    /// <summary>A whole call: established, the caller hangs up, the CDR is confirmed and the entity stops.</summary>
    public async Task FullCall(SessionId id, List<long> latencies)
    {
        var call = await Establish(id, latencies);
        await Send(call.Entity, new ByeReceived(id, new LegId(id.Value + "-a")), latencies);
        await call.Stopped.WaitAsync(AskTimeout);
    }

    /// <summary>Recovery: start the entity and wait for its state.</summary>
    public async Task<SessionView> Recover(SessionId id)
    {
        var call = await StartEntity(id);
        return await call.Entity.Ask<SessionView>(new SessionQueries.GetSession(id), AskTimeout);
    }

    /// <summary>The node's entity: the session host with its persistent session.</summary>
    private Props EntityProps(SessionId id) =>
        SessionHost.Props(start => SessionActor.Props(id.Value, _gateway, _media, _cdr, start: start));

    private static Task Send(IActorRef entity, ISessionCommand command, List<long>? latencies) =>
        Send(entity, command, command, latencies);

    private static async Task Send(IActorRef target, object message, ISessionCommand command, List<long>? latencies)
    {
        var start = Stopwatch.GetTimestamp();
        var reply = await target.Ask<ISessionReply>(message, AskTimeout);
        latencies?.Add(Stopwatch.GetElapsedTime(start).Ticks / 10);
        if (reply is not SessionReplies.Accepted)
        {
            throw new InvalidOperationException($"{command.GetType().Name} on {command.SessionId}: {reply}");
        }
    }

    private static DialogState Dialog(string callId, bool uac) => new()
    {
        CallId = callId,
        LocalTag = "lt-" + callId,
        RemoteTag = "rt-" + callId,
        LocalUri = "sip:cluster@home.test",
        RemoteUri = "sip:peer@far.test",
        RemoteTarget = "sip:peer@192.0.2.1:5060",
        LocalContact = "sip:node@192.0.2.10:5060",
        RouteSet = ["<sip:edge.test;lr>"],
        LocalCSeq = 1,
        RemoteCSeq = uac ? null : 1,
        IsUac = uac,
    };
}
