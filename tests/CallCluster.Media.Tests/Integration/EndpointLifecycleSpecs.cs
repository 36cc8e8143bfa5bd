using System.Net;
using System.Net.Sockets;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Tests.Support;
using CallCluster.Sip.Codecs;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Media.Tests.Integration;

public sealed class EndpointLifecycleSpecs : MediaSpec
{
    [Fact]
    public void Exhausted_ports_fail_the_allocation_and_a_release_makes_room()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings(pairs: 2)));
        var audioOnly = new[] { new MediaStreamRequest(MediaKind.Audio, [CodecSpec.Pcmu]) };
        manager.Tell(new AllocateEndpoint("s", "a", "a", audioOnly), TestActor);
        var first = ExpectMsg<EndpointAllocated>(Patience);
        manager.Tell(new AllocateEndpoint("s", "b", "b", audioOnly), TestActor);
        ExpectMsg<EndpointAllocated>(Patience);
        manager.Tell(new AllocateEndpoint("s", "c", "c", audioOnly), TestActor);
        Assert.Equal("RTP ports exhausted", ExpectMsg<AllocationFailed>(Patience).Reason);
        Assert.Equal(4, Stats(manager).AllocatedPorts);

        manager.Tell(new ReleaseEndpoint("s", first.EndpointId), TestActor);
        ExpectMsg<EndpointReleased>(Patience);
        manager.Tell(new ReleaseEndpoint("s", first.EndpointId), TestActor);
        ExpectMsg<EndpointReleased>(Patience);
        Assert.Equal(2, Stats(manager).AllocatedPorts);

        manager.Tell(new AllocateEndpoint("s", "c", "c", audioOnly), TestActor);
        ExpectMsg<EndpointAllocated>(Patience);
        manager.Tell(new ReleaseSession("s"), TestActor);
        Assert.Equal(2, ExpectMsg<SessionReleased>(Patience).EndpointCount);
        Assert.Equal(0, Stats(manager).AllocatedPorts);
    }

    [Fact]
    public void Endpoints_are_counted_and_released_per_session()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings(pairs: 40)));
        var audioOnly = new[] { new MediaStreamRequest(MediaKind.Audio, [CodecSpec.Pcmu]) };
        var first = new List<EndpointAllocated>();
        for (int i = 0; i < 16; i++)
        {
            manager.Tell(new AllocateEndpoint("s1", $"leg{i}", $"leg{i}", audioOnly), TestActor);
            first.Add(ExpectMsg<EndpointAllocated>(Patience));
        }

        manager.Tell(new AllocateEndpoint("s1", "leg16", "leg16", audioOnly), TestActor);
        Assert.Equal("too many endpoints for one session", ExpectMsg<AllocationFailed>(Patience).Reason);
        manager.Tell(new AllocateEndpoint("s2", "a", "a", audioOnly), TestActor);
        ExpectMsg<EndpointAllocated>(Patience);
        manager.Tell(new AllocateEndpoint("s2", "b", "b", audioOnly), TestActor);
        ExpectMsg<EndpointAllocated>(Patience);

        // One released endpoint makes room in its own session only.
        manager.Tell(new ReleaseEndpoint("s1", first[0].EndpointId), TestActor);
        ExpectMsg<EndpointReleased>(Patience);
        manager.Tell(new AllocateEndpoint("s1", "leg16", "leg16", audioOnly), TestActor);
        ExpectMsg<EndpointAllocated>(Patience);

        manager.Tell(new ReleaseSession("s2"), TestActor);
        Assert.Equal(2, ExpectMsg<SessionReleased>(Patience).EndpointCount);
        manager.Tell(new ReleaseSession("s2"), TestActor);
        Assert.Equal(0, ExpectMsg<SessionReleased>(Patience).EndpointCount);
        Assert.Equal(32, Stats(manager).AllocatedPorts);
        manager.Tell(new ReleaseSession("s1"), TestActor);
        Assert.Equal(16, ExpectMsg<SessionReleased>(Patience).EndpointCount);
        Assert.Equal(0, Stats(manager).AllocatedPorts);
    }

    [Fact]
    public void Released_ports_are_closed_and_can_be_bound_again()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        var endpoint = Allocate(manager, "s", "a", "a", CodecSpec.Pcmu, video: true);
        var ports = endpoint.Streams.SelectMany(s => new[] { s.RtpPort, s.RtcpPort }).Distinct().ToList();
        Assert.Equal(3, ports.Count);
        Assert.All(endpoint.Streams, s => Assert.Equal(0, s.RtpPort % 2));

        manager.Tell(new ReleaseSession("s"), TestActor);
        ExpectMsg<SessionReleased>(Patience);
        foreach (int port in ports)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
    }

    [Fact]
    public void Silent_endpoint_is_reported_dead_once_to_its_allocator()
    {
        var time = new FakeTimeProvider();
        var settings = NewSettings(deadAfter: TimeSpan.FromSeconds(5)) with { DeadMediaCheckInterval = TimeSpan.FromMilliseconds(50) };
        var manager = Sys.ActorOf(MediaManagerActor.Props(settings, time));
        using var peer = new RtpPeer();
        var endpoint = Allocate(manager, "s", "leg-1", "p", CodecSpec.Pcmu, video: false);
        Configure(manager, endpoint, peer, CodecSpec.Pcmu);

        time.Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        time.Advance(TimeSpan.FromSeconds(2));
        var dead = ExpectMsg<EndpointDead>(Patience);
        Assert.Equal((endpoint.EndpointId, "s", "leg-1"), (dead.EndpointId, dead.SessionId, dead.LegId));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        // Media again re-arms the detector: the next silence is reported again.
        peer.StartTone(AudioPort(endpoint), 440, G711Law.MuLaw);
        WaitFor(() => Stats(manager).PacketsReceived > 0);
        peer.Dispose();
        WaitUntilReceivingStops(manager);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(endpoint.EndpointId, ExpectMsg<EndpointDead>(Patience).EndpointId);
    }

    [Fact]
    public void An_endpoint_whose_allocator_stopped_is_released_once_silent_and_one_still_fed_is_kept()
    {
        var time = new FakeTimeProvider();
        var settings = NewSettings(deadAfter: TimeSpan.FromSeconds(5)) with { DeadMediaCheckInterval = TimeSpan.FromMilliseconds(50) };
        var manager = Sys.ActorOf(MediaManagerActor.Props(settings, time));
        var session = CreateTestProbe();
        using var silent = new RtpPeer();
        using var talking = new RtpPeer();
        var streams = new List<MediaStreamRequest> { new(MediaKind.Audio, [CodecSpec.Pcmu]) };
        manager.Tell(new AllocateEndpoint("s", "leg-1", "p1", streams), session.Ref);
        var quiet = session.ExpectMsg<EndpointAllocated>(Patience);
        manager.Tell(new AllocateEndpoint("s", "leg-2", "p2", streams), session.Ref);
        var fed = session.ExpectMsg<EndpointAllocated>(Patience);
        Configure(manager, quiet, silent, CodecSpec.Pcmu);
        Configure(manager, fed, talking, CodecSpec.Pcmu);

        Sys.Stop(session.Ref);
        talking.StartTone(AudioPort(fed), 440, G711Law.MuLaw);
        WaitFor(() => Stats(manager).PacketsReceived > 0);
        // Small steps, each followed by a packet to the fed endpoint (however slow the machine is),
        // so the fed endpoint is never silent for a whole step; the silent one sees only the clock.
        for (var step = 0; step < 14; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            var received = Stats(manager).PacketsReceived;
            WaitFor(() => Stats(manager).PacketsReceived > received);
        }

        WaitFor(() => Stats(manager).Endpoints == 1);
        Assert.Equal(1, Stats(manager).Endpoints);
    }

    [Fact]
    public void Bad_commands_are_refused_without_side_effects()
    {
        var manager = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        var mine = Allocate(manager, "s1", "a", "a", CodecSpec.Pcmu, video: false);
        var theirs = Allocate(manager, "s2", "b", "b", CodecSpec.Pcmu, video: false);

        manager.Tell(new CreateMix("s1", [mine.EndpointId, theirs.EndpointId], []), TestActor);
        ExpectMsg<MediaCommandFailed>(Patience);
        manager.Tell(new TransferToBridge("s1", mine.EndpointId, mine.EndpointId), TestActor);
        ExpectMsg<MediaCommandFailed>(Patience);
        manager.Tell(new ConfigureEndpoint("s2", mine.EndpointId, []), TestActor);
        ExpectMsg<MediaCommandFailed>(Patience);
        manager.Tell(new CreateMix("s1", [mine.EndpointId], [new VideoRoute(mine.EndpointId, "nope")]), TestActor);
        ExpectMsg<MediaCommandFailed>(Patience);
        manager.Tell(new AllocateEndpoint("s1", "x", "x", []), TestActor);
        ExpectMsg<AllocationFailed>(Patience);
        manager.Tell(new AllocateEndpoint("", "x", "x", [new MediaStreamRequest(MediaKind.Audio, [])]), TestActor);
        ExpectMsg<AllocationFailed>(Patience);

        var stats = Stats(manager);
        Assert.Equal((2, 0, 0), (stats.Endpoints, stats.Mixes, stats.Bridges));
    }

    [Fact]
    public void Sessions_re_anchor_on_another_node_and_a_repeated_allocation_is_idempotent()
    {
        var first = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        var original = Allocate(first, "moved", "leg-a", "a", CodecSpec.Pcmu, video: false);
        Sys.Stop(first);

        var second = Sys.ActorOf(MediaManagerActor.Props(NewSettings()));
        using var a = new RtpPeer();
        using var b = new RtpPeer();
        var ea = Allocate(second, "moved", "leg-a", "a", CodecSpec.Pcmu, video: false);
        var again = Allocate(second, "moved", "leg-a", "a", CodecSpec.Pcmu, video: false);
        var eb = Allocate(second, "moved", "leg-b", "b", CodecSpec.Pcma, video: false);
        Assert.Equal(ea.EndpointId, again.EndpointId);
        Assert.Equal(ea.Streams, again.Streams);
        Assert.NotEqual(original.EndpointId, ea.EndpointId);

        Configure(second, ea, a, CodecSpec.Pcmu);
        Configure(second, eb, b, CodecSpec.Pcma);
        second.Tell(new TransferToBridge("moved", ea.EndpointId, eb.EndpointId), TestActor);
        Assert.True(ExpectMsg<BridgeCreated>(Patience).Transcoding);
        a.StartTone(AudioPort(ea), 440, G711Law.MuLaw);
        b.StartTone(AudioPort(eb), 880, G711Law.ALaw);
        WaitFor(() => a.Received.Count >= 40 && b.Received.Count >= 40 && Latest(b.Received).A440 > 1500 && Latest(a.Received).A880 > 1500);

        var heardByB = Latest(b.Received);
        var heardByA = Latest(a.Received);
        Assert.True(heardByB.A440 > 1500 && heardByB.A880 < 300, $"b hears {heardByB}");
        Assert.True(heardByA.A880 > 1500 && heardByA.A440 < 300, $"a hears {heardByA}");
        Assert.All(b.Received, p => Assert.Equal(8, p.PayloadType));
        Assert.Equal(2, Stats(second).Endpoints);
    }
}
