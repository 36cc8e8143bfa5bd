using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Tests.Integration;
using CallCluster.Media.Tests.Support;
using CallCluster.Sip.Codecs;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Media.Tests.Drain;

/// <summary>What a stopping media node waits for: endpoints that still receive media.</summary>
public sealed class ActiveEndpointSpecs : MediaSpec
{
    [Fact]
    public void An_endpoint_is_active_while_media_arrives_and_quiet_a_second_after_it_stops()
    {
        var time = new FakeTimeProvider();
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings(), time));
        using var peer = new RtpPeer();
        var endpoint = Allocate(manager, "s", "leg-1", "p", CodecSpec.Pcmu, video: false);
        Configure(manager, endpoint, peer, CodecSpec.Pcmu);

        manager.Tell(new MediaDrain.Query(MediaDrain.Quiet), TestActor);
        Assert.Equal(new MediaDrain.Status(0, 1, OtherMediaNodes: false), ExpectMsg<MediaDrain.Status>(Patience));

        peer.StartTone(AudioPort(endpoint), 440, G711Law.MuLaw);
        WaitFor(() => Stats(manager).PacketsReceived > 0);
        manager.Tell(new MediaDrain.Query(MediaDrain.Quiet), TestActor);
        Assert.Equal(1, ExpectMsg<MediaDrain.Status>(Patience).Active);

        peer.Dispose();
        WaitUntilReceivingStops(manager);
        time.Advance(TimeSpan.FromSeconds(2));
        manager.Tell(new MediaDrain.Query(MediaDrain.Quiet), TestActor);
        var quiet = ExpectMsg<MediaDrain.Status>(Patience);
        Assert.Equal((0, 1), (quiet.Active, quiet.Endpoints));
    }
}
