using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CallCluster.Sip.Codecs;
using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Tests.Support;

/// <summary>
/// A terminal's RTP side on loopback: one UDP socket that sends a paced stream (a G.711 tone at
/// 50 packets/s, or fake video frames) to a target and records what it receives (RTP and RTCP).
/// Everything is bounded: sending stops after <see cref="MaxDuration"/> or on dispose.
/// </summary>
public sealed class RtpPeer : IDisposable
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(90);

    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<ReceivedPacket> rtp = new();
    private readonly ConcurrentQueue<byte[]> rtcp = new();
    private readonly List<Task> tasks = [];
    private int skipped;
    private int disposed;

    public RtpPeer()
    {
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        tasks.Add(Task.Run(ReceiveAsync));
    }

    public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

    public uint Ssrc { get; } = (uint)Random.Shared.Next();

    /// <summary>Packets deliberately not sent (injected loss).</summary>
    public int Skipped => Volatile.Read(ref skipped);

    public IReadOnlyList<ReceivedPacket> Received => rtp.ToArray();

    public IReadOnlyList<byte[]> ReceivedRtcp => rtcp.ToArray();

    /// <summary>Sends a tone in 20 ms G.711 packets; every <paramref name="skipEvery"/>-th packet is not sent (0: none).</summary>
    public void StartTone(IPEndPoint target, double frequency, G711Law law, int skipEvery = 0) =>
        tasks.Add(Task.Run(() => PaceAsync(TimeSpan.FromMilliseconds(20), n =>
        {
            if (skipEvery > 0 && n % skipEvery == skipEvery - 1)
            {
                Interlocked.Increment(ref skipped);
                return;
            }

            Span<short> samples = stackalloc short[160];
            Goertzel.Tone(samples, frequency, 6000, n * 160);
            Span<byte> payload = stackalloc byte[160];
            G711.Encode(law, samples, payload);
            Send(target, new RtpHeader((byte)law, (ushort)n, (uint)(n * 160), Ssrc), payload);
        })));

    /// <summary>Sends fake VP8 frames at 25 packets/s, payload type 96, the payload's first byte being <paramref name="tag"/>.</summary>
    public void StartVideo(IPEndPoint target, byte tag) =>
        tasks.Add(Task.Run(() => PaceAsync(TimeSpan.FromMilliseconds(40), n =>
        {
            Span<byte> payload = stackalloc byte[100];
            payload.Fill(0x5A);
            payload[0] = tag;
            Send(target, new RtpHeader(96, (ushort)n, (uint)(n * 3600), Ssrc, marker: true), payload);
        })));

    /// <summary>Sends a raw datagram (RTCP feedback, for instance).</summary>
    public void SendRaw(IPEndPoint target, ReadOnlySpan<byte> datagram) => socket.SendTo(datagram, SocketFlags.None, target);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        stop.Cancel();
        socket.Dispose();
        Task.WaitAll([.. tasks], TimeSpan.FromSeconds(5));
        stop.Dispose();
    }

    private void Send(IPEndPoint target, RtpHeader header, ReadOnlySpan<byte> payload)
    {
        Span<byte> packet = stackalloc byte[12 + payload.Length];
        if (RtpPacket.TryWrite(packet, header, payload, out int written))
        {
            try
            {
                socket.SendTo(packet[..written], SocketFlags.None, target);
            }
            catch (ObjectDisposedException)
            {
            }
            catch (SocketException)
            {
            }
        }
    }

    private async Task PaceAsync(TimeSpan period, Action<long> sendPacket)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (!stop.IsCancellationRequested && clock.Elapsed < MaxDuration)
        {
            long due = (long)(clock.Elapsed / period) + 1;
            while (sent < due)
            {
                sendPacket(sent++);
            }

            try
            {
                await Task.Delay(period / 4, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            int length;
            try
            {
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop.Token).ConfigureAwait(false);
                length = result.ReceivedBytes;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            var datagram = buffer.AsSpan(0, length);
            if (RtpRtcpDemux.IsRtcp(datagram))
            {
                rtcp.Enqueue(datagram.ToArray());
            }
            else if (RtpPacket.TryRead(datagram, out var packet, out _))
            {
                rtp.Enqueue(new ReceivedPacket(packet.Header.Ssrc, packet.Header.SequenceNumber, packet.Header.Timestamp, packet.Header.PayloadType, packet.Payload.ToArray()));
            }
        }
    }
}
