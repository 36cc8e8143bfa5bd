using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Tests.Integration;
using CallCluster.Media.Tests.Support;
using CallCluster.Sip.Codecs;

namespace CallCluster.Media.Tests.Drain;

/// <summary>
/// Two media nodes in one in-process cluster: the manager knows whether another media node is a
/// member, and a stopping node holds its actor system (and so its sockets) while a call still
/// sends it media, then lets go once the media stops.
/// </summary>
public sealed class ClusterDrainSpecs : MediaSpec
{
    private static Config NodeConfig(string roles) => ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.cluster.roles = [{{roles}}]
        akka.coordinated-shutdown.exit-clr = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        akka.coordinated-shutdown.phases.before-actor-system-terminate.timeout = 21s
        """);

    private static ActorSystem StartNode(string name, Address? seed)
    {
        var system = ActorSystem.Create("media-drain", NodeConfig("media"));
        var cluster = Cluster.Get(system);
        cluster.Join(seed ?? cluster.SelfAddress);
        return system;
    }

    private MediaDrain.Status Status(IActorRef manager)
    {
        manager.Tell(new MediaDrain.Query(MediaDrain.Quiet), TestActor);
        return ExpectMsg<MediaDrain.Status>(Patience);
    }

    [Fact]
    public async Task A_stopping_media_node_keeps_relaying_while_a_call_sends_it_media_and_stops_once_it_is_quiet()
    {
        var first = StartNode("first", null);
        var second = StartNode("second", Cluster.Get(first).SelfAddress);
        try
        {
            var manager = second.ActorOf(MediaManagerActor.Props(NewSettings() with { DrainTimeout = TimeSpan.FromSeconds(20) }), "media-manager");
            WaitFor(() => Status(manager).OtherMediaNodes);
            Assert.True(Status(manager).OtherMediaNodes, "the other media node is seen as a member");

            using var peer = new RtpPeer();
            var endpoint = Allocate(manager, "s", "leg-1", "p", CodecSpec.Pcmu, video: false);
            Configure(manager, endpoint, peer, CodecSpec.Pcmu);
            peer.StartTone(AudioPort(endpoint), 440, G711Law.MuLaw);
            WaitFor(() => Status(manager).Active == 1);

            var stopping = CoordinatedShutdown.Get(second).Run(CoordinatedShutdown.ClrExitReason.Instance);
            // The node has left the cluster, and still relays: the call has not moved yet.
            WaitFor(() => Cluster.Get(first).State.Members.Count == 1);
            Assert.Single(Cluster.Get(first).State.Members);
            Assert.False(second.WhenTerminated.IsCompleted, "the node held its media while the call still sent some");
            var before = Stats(manager).PacketsReceived;
            WaitFor(() => Stats(manager).PacketsReceived > before);
            Assert.True(Stats(manager).PacketsReceived > before, "media still arrives and is counted during the drain");

            // The terminal moves away (its re-INVITE went to another node): the drain ends.
            peer.Dispose();
            await stopping.WaitAsync(Patience);
            var stopped = await Task.WhenAny(second.WhenTerminated, Task.Delay(Patience));
            Assert.True(stopped == second.WhenTerminated, "the node stops once its calls are quiet");
        }
        finally
        {
            await second.Terminate();
            await first.Terminate();
        }
    }

    [Fact]
    public async Task The_manager_forgets_a_media_node_that_left()
    {
        var first = StartNode("first", null);
        var second = StartNode("second", Cluster.Get(first).SelfAddress);
        try
        {
            var manager = first.ActorOf(MediaManagerActor.Props(NewSettings()), "media-manager");
            WaitFor(() => Status(manager).OtherMediaNodes);
            Assert.True(Status(manager).OtherMediaNodes);

            Cluster.Get(second).Leave(Cluster.Get(second).SelfAddress);
            WaitFor(() => !Status(manager).OtherMediaNodes);
            Assert.False(Status(manager).OtherMediaNodes);
        }
        finally
        {
            await second.Terminate().WaitAsync(Patience);
            await first.Terminate().WaitAsync(Patience);
        }
    }
}
