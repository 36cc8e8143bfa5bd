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

    [Fact]
    public void A_drain_that_times_out_can_name_the_calls_still_sending_media_and_where_from()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        using var sending = new RtpPeer();
        using var silent = new RtpPeer();
        var a = Allocate(manager, "call-1", "leg-a", "a", CodecSpec.Pcmu, video: false);
        var b = Allocate(manager, "call-1", "leg-b", "b", CodecSpec.Pcmu, video: false);
        Configure(manager, a, sending, CodecSpec.Pcmu);
        Configure(manager, b, silent, CodecSpec.Pcmu);
        sending.StartTone(AudioPort(a), 440, G711Law.MuLaw);
        WaitFor(() => Stats(manager).PacketsReceived > 0);

        manager.Tell(new MediaDrain.ListActive(MediaDrain.Quiet), TestActor);
        var legs = ExpectMsg<MediaDrain.ActiveLegs>(Patience).Legs;
        var line = Assert.Single(legs);
        Assert.Contains("session call-1 leg leg-a", line, StringComparison.Ordinal);
        Assert.Contains($"port {AudioPort(a).Port} from 127.0.0.1:{sending.Port}", line, StringComparison.Ordinal);
    }
}
