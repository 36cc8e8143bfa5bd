using Akka.Actor;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Sessions.Media;

namespace CallCluster.Gateway.Tests.Support;

/// <summary>
/// Stands in for the media role: every endpoint allocation is granted at once with a loopback
/// SDP; mixing and the rest are ignored. Lets home sessions (always anchored) run without media nodes.
/// </summary>
public sealed class FakeMediaAdapter : ISessionMediaAdapter
{
    public object? ToMedia(IMediaEffect effect, SessionState state) =>
        effect is SessionEffects.AllocateMedia a ? new Allocate(a.SessionId.Value, a.LegId.Value) : null;

    public ISessionCommand? FromMedia(object message, SessionState state, string mediaNode) =>
        message is Allocated e && e.SessionId == state.Id.Value
            ? new SessionCommands.MediaEndpointReady(state.Id, new LegId(e.LegId), "fake-media", "ep-" + e.LegId, SipText.Sdp.Replace("40000", "41000"))
            : null;

    public sealed record Allocate(string SessionId, string LegId);

    public sealed record Allocated(string SessionId, string LegId);
}

/// <summary>Answers every allocation at once.</summary>
public sealed class FakeMediaManager : ReceiveActor
{
    public FakeMediaManager() =>
        Receive<FakeMediaAdapter.Allocate>(a => Sender.Tell(new FakeMediaAdapter.Allocated(a.SessionId, a.LegId)));
}
