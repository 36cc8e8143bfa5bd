using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallCluster.Benchmarks;

/// <summary>
/// One simulated terminal of the media load: a loopback UDP socket that sends 20 ms PCMU packets
/// carrying their send time (Stopwatch ticks in the first payload bytes) and records, for what it
/// receives, the count and (when relayed undecoded) the one-way time through the media node.
/// </summary>
public sealed class MediaLoadClient : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly MediaLatencyHistogram? latency;
    private readonly uint ssrc = (uint)Random.Shared.Next();
    private readonly byte[] packet = new byte[12 + 160];
    private readonly CancellationTokenSource stop = new();
    private SocketAddress? target;
    private ushort sequence;
    private long sent;
    private long received;

    public MediaLoadClient(MediaLatencyHistogram? latency)
    {
        this.latency = latency;
        socket.ReceiveBufferSize = 1 << 20;
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        packet[0] = 0x80;
        packet[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        packet.AsSpan(12).Fill(0xFF);
        _ = Task.Run(ReceiveAsync);
    }

    public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

    public long Sent => Interlocked.Read(ref sent);

    public long Received => Interlocked.Read(ref received);

    public void Target(int port) => target = new IPEndPoint(IPAddress.Loopback, port).Serialize();

    /// <summary>Sends the next 20 ms packet.</summary>
    public void SendNext()
    {
        if (target is null)
        {
            return;
        }

        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(sequence * 160));
        BinaryPrimitives.WriteInt64LittleEndian(packet.AsSpan(12), Stopwatch.GetTimestamp());
        sequence++;
        try
        {
            socket.SendTo(packet, SocketFlags.None, target);
            Interlocked.Increment(ref sent);
        }
        catch (SocketException)
        {
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        socket.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1500];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            Interlocked.Increment(ref received);
            if (latency is not null && length >= 20)
            {
                long sentAt = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(12));
                latency.Record(Stopwatch.GetElapsedTime(sentAt));
            }
        }
    }
}
