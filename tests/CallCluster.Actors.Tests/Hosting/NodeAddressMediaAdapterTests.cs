using CallCluster.Actors.Hosting;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;
using CallCluster.Actors.Sessions.Media;
using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.Actors.Tests.Hosting;

public sealed class NodeAddressMediaAdapterTests
{
    private const string Self = "akka.tcp://callcluster@127.0.0.1:4053";
    private static readonly EndpointAllocated Allocated = new("s1", "leg1", "ep-1", "192.0.2.10", [new AllocatedStream(MediaKind.Audio, 30000, 30001, false)]);

    [Fact]
    public void A_media_manager_on_this_node_is_named_by_the_node_cluster_address()
    {
        var adapter = new NodeAddressMediaAdapter(new MediaProtocolAdapter(), Self);

        var ready = Assert.IsType<MediaEndpointReady>(adapter.FromMedia(Allocated, SessionState.Empty(new SessionId("s1")), "akka://callcluster"));

        Assert.Equal(Self, ready.MediaNode);
        Assert.Equal("ep-1", ready.EndpointId);
    }

    [Fact]
    public void A_media_manager_on_another_node_keeps_its_address()
    {
        var adapter = new NodeAddressMediaAdapter(new MediaProtocolAdapter(), Self);
        const string other = "akka.tcp://callcluster@127.0.0.1:4055";

        var ready = Assert.IsType<MediaEndpointReady>(adapter.FromMedia(Allocated, SessionState.Empty(new SessionId("s1")), other));

        Assert.Equal(other, ready.MediaNode);
        Assert.True(NodeAddressMediaAdapter.IsLocalScope("akka://callcluster"));
        Assert.False(NodeAddressMediaAdapter.IsLocalScope(other));
    }
}
