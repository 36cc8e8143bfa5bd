using System.Collections.Concurrent;
using Akka.Actor;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionEffects;

namespace CallCluster.JournalBench;

/// <summary>The gateway outbox: hands each session's outbound leg id (from its INVITE) to the waiting driver; drops the rest.</summary>
public sealed class FakeGateway : ReceiveActor
{
    public FakeGateway(ConcurrentDictionary<string, TaskCompletionSource<LegId>> invites)
    {
        Receive<SendInvite>(i =>
        {
            if (invites.TryRemove(i.SessionId.Value, out var waiting))
            {
                waiting.TrySetResult(i.LegId);
            }
        });
        ReceiveAny(_ => { });
    }

    public static Props Props(ConcurrentDictionary<string, TaskCompletionSource<LegId>> invites) =>
        Akka.Actor.Props.Create(() => new FakeGateway(invites));
}

/// <summary>The CDR writer: confirms every record at once (the real one inserts a row).</summary>
public sealed class FakeCdrWriter : ReceiveActor
{
    public FakeCdrWriter()
    {
        Receive<WriteCdr>(w => Sender.Tell(new CdrWritten(w.Record.SessionId)));
        ReceiveAny(_ => { });
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new FakeCdrWriter());
}

/// <summary>The media manager: plain calls here bypass media, so nothing should arrive; anything that does is dropped.</summary>
public sealed class FakeMedia : ReceiveActor
{
    public FakeMedia() => ReceiveAny(_ => { });

    public static Props Props() => Akka.Actor.Props.Create(() => new FakeMedia());
}
