using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CallCluster.Media.Transport;

namespace CallCluster.Media.Tests.Transport;

/// <summary>Receiving handed from the channel's receive loop to a poller (a mixing loop) and back, over real loopback UDP.</summary>
public sealed class UdpChannelPollingTests : IDisposable
{
    private readonly UdpChannel channel = UdpChannel.TryBind(IPAddress.Loopback, 0)!;
    private readonly Socket peer = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Collector collector = new();

    public UdpChannelPollingTests()
    {
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        channel.Start(collector);
    }

    [Fact]
    public async Task A_polled_channel_delivers_nothing_by_itself_then_everything_queued_on_poll_each_once_with_its_source()
    {
        await SendAsync(0, 3);
        await WaitForAsync(() => collector.Count == 3);

        channel.SetPolled(true);
        Assert.True(channel.Polled);
        await SendAsync(3, 10);
        await Task.Delay(300);
        Assert.Equal(3, collector.Count);

        var buffer = new byte[UdpChannel.MaxDatagram];
        var from = new SocketAddress(channel.AddressFamily);
        Assert.Equal(4, channel.Poll(buffer, from, 4));
        Assert.Equal(6, channel.Poll(buffer, from, 16));
        Assert.Equal(0, channel.Poll(buffer, from, 16));
        Assert.Equal(Enumerable.Range(0, 13), collector.Payloads.Order());
        Assert.All(collector.Sources, s => Assert.Equal(peer.LocalEndPoint, s));
        Assert.Equal(13, channel.Received);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_batch_poll_takes_up_to_the_most_asked_each_datagram_once_with_its_source_and_drops_oversized_ones(bool batched)
    {
        var batch = new DatagramBatch(batched);
        Assert.Equal(batched && OperatingSystem.IsLinux(), batch.Batched);
        channel.SetPolled(true);
        await SendAsync(0, 40);
        var oversized = new byte[UdpChannel.MaxDatagram + 500];
        await peer.SendToAsync(oversized, new IPEndPoint(IPAddress.Loopback, channel.Port));
        await SendAsync(40, 2);
        await Task.Delay(300);

        var from = new SocketAddress(channel.AddressFamily);
        Assert.Equal(4, channel.Poll(batch, from, 4));
        Assert.Equal(36, channel.Poll(batch, from, 36));
        Assert.Equal(4 + 36, collector.Count);
        // The oversized datagram is taken and dropped; the two after it are delivered.
        Assert.Equal(2, channel.Poll(batch, from, 16));
        Assert.Equal(0, channel.Poll(batch, from, 16));
        Assert.Equal(batched && OperatingSystem.IsLinux(), batch.Batched);
        Assert.Equal(43, channel.Received);
        Assert.Equal(Enumerable.Range(0, 42), collector.Payloads.Order());
        Assert.All(collector.Sources, s => Assert.Equal(peer.LocalEndPoint, s));
        Assert.Equal(0, channel.HandlerFailures);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_poll_takes_at_most_the_most_asked_even_when_every_datagram_is_oversized(bool batched)
    {
        var batch = new DatagramBatch(batched);
        channel.SetPolled(true);
        var oversized = new byte[UdpChannel.MaxDatagram + 1];
        var to = new IPEndPoint(IPAddress.Loopback, channel.Port);
        for (int i = 0; i < 30; i++)
        {
            await peer.SendToAsync(oversized, to);
        }

        await Task.Delay(300);
        var from = new SocketAddress(channel.AddressFamily);
        Assert.Equal(0, channel.Poll(batch, from, 20));
        Assert.Equal(20, channel.Received);
        Assert.Equal(0, channel.Poll(batch, from, 20));
        Assert.Equal(30, channel.Received);
        Assert.Equal(0, collector.Count);
    }

    [Fact]
    public void Polling_a_closed_channel_with_a_batch_delivers_nothing_and_does_not_throw()
    {
        channel.SetPolled(true);
        channel.Dispose();
        Assert.Equal(0, channel.Poll(new DatagramBatch(), new SocketAddress(AddressFamily.InterNetwork), 16));
    }

    [Fact]
    public async Task Handed_back_to_the_receive_loop_the_channel_delivers_by_itself_again()
    {
        channel.SetPolled(true);
        channel.SetPolled(true);
        await SendAsync(0, 2);
        await Task.Delay(200);
        Assert.Equal(0, collector.Count);

        // What was queued while polled is received by the new loop.
        channel.SetPolled(false);
        Assert.False(channel.Polled);
        await SendAsync(2, 2);
        await WaitForAsync(() => collector.Count == 4);
        Assert.Equal(Enumerable.Range(0, 4), collector.Payloads.Order());

        // Toggled quickly: one loop runs in the end, and nothing is delivered twice.
        for (int i = 0; i < 20; i++)
        {
            channel.SetPolled(i % 2 == 0);
        }
        await SendAsync(4, 20);
        await WaitForAsync(() => collector.Count == 24);
        await Task.Delay(200);
        Assert.Equal(Enumerable.Range(0, 24), collector.Payloads.Order());
    }

    [Fact]
    public void Polling_a_closed_channel_delivers_nothing_and_does_not_throw()
    {
        channel.SetPolled(true);
        channel.Dispose();
        Assert.Equal(0, channel.Poll(new byte[UdpChannel.MaxDatagram], new SocketAddress(AddressFamily.InterNetwork), 16));
        channel.SetPolled(false);
    }

    public void Dispose()
    {
        channel.Dispose();
        peer.Dispose();
    }

    private async Task SendAsync(int first, int count)
    {
        var to = new IPEndPoint(IPAddress.Loopback, channel.Port);
        for (int i = first; i < first + count; i++)
        {
            await peer.SendToAsync(BitConverter.GetBytes(i), to);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        Assert.True(condition(), "condition not met within 10 s");
    }

    private sealed class Collector : IDatagramReceiver
    {
        private readonly ConcurrentQueue<(int Payload, EndPoint Source)> received = new();

        public int Count => received.Count;

        public IEnumerable<int> Payloads => received.Select(r => r.Payload);

        public IEnumerable<EndPoint> Sources => received.Select(r => r.Source);

        public void OnDatagram(UdpChannel channel, Span<byte> data, SocketAddress from) =>
            received.Enqueue((BitConverter.ToInt32(data), new IPEndPoint(IPAddress.Loopback, 0).Create(from)));
    }
}
