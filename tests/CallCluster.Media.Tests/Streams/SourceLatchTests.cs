using System.Net;
using CallCluster.Media.Streams;
using static CallCluster.Media.Streams.SourceLatch;

namespace CallCluster.Media.Tests.Streams;

public sealed class SourceLatchTests
{
    private static readonly SocketAddress Peer = new IPEndPoint(IPAddress.Loopback, 40000).Serialize();
    private static readonly SocketAddress Declared = new IPEndPoint(IPAddress.Loopback, 40002).Serialize();
    private static readonly SocketAddress Stray = new IPEndPoint(IPAddress.Parse("127.0.0.9"), 40000).Serialize();

    [Fact]
    public void The_first_packet_latches_its_source_whatever_the_SDP_says() =>
        Assert.Equal(Verdict.Latch, Judge(Stray, latched: null, Declared, TimeSpan.MaxValue));

    [Fact]
    public void Packets_from_the_latched_source_are_taken() =>
        Assert.Equal(Verdict.Take, Judge(new IPEndPoint(IPAddress.Loopback, 40000).Serialize(), Peer, Declared, TimeSpan.Zero));

    [Fact]
    public void The_address_the_SDP_declared_takes_the_stream_from_a_stray_source_at_once() =>
        Assert.Equal(Verdict.Latch, Judge(Declared, latched: Stray, Declared, TimeSpan.Zero));

    [Fact]
    public void Another_source_is_dropped_while_the_latched_one_is_alive()
    {
        Assert.Equal(Verdict.Drop, Judge(Stray, Peer, Declared, TimeSpan.Zero));
        Assert.Equal(Verdict.Drop, Judge(Stray, Peer, declared: null, Relatch - TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void Another_source_takes_the_stream_once_the_latched_one_has_been_silent_long_enough() =>
        Assert.Equal(Verdict.Latch, Judge(Stray, Peer, Declared, Relatch));
}
