using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CallCluster.Media.Audio;
using CallCluster.Media.Streams;
using CallCluster.Media.Transport;
using CallCluster.Sip.Codecs;
using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Mixing;

/// <summary>
/// One endpoint's audio entering a mix. Packets the mixing loop receives itself (<see cref="Receive"/>)
/// go straight into the jitter buffer, decoded from G.711. Packets delivered by the socket's receive
/// loop (for a moment while receiving is handed over) are queued as copies (bounded: beyond
/// <see cref="MaxQueued"/> they are dropped) and moved into the jitter buffer by the next
/// <see cref="Pull"/>, which plays one frame.
/// </summary>
public sealed class MixInput : IRtpSink
{
    /// <summary>Most packets waiting for the mixing loop (about 1.3 s of 20 ms packets).</summary>
    public const int MaxQueued = 64;

    private readonly ConcurrentQueue<(byte[] Buffer, int Length)> queue = new();
    private readonly JitterBuffer jitter = new();
    private readonly short[] decoded = new short[UdpChannel.MaxDatagramSamples];
    private int queued;
    private long overflow;
    private int receivingThread;

    private readonly System.Net.SocketAddress source;

    /// <summary>Creates the input of <paramref name="stream"/>; set it as the stream's sink to feed it.</summary>
    public MixInput(MediaStream stream)
    {
        Stream = stream;
        source = stream.NewSourceAddress();
    }

    /// <summary>The endpoint stream feeding this input.</summary>
    public MediaStream Stream { get; }

    /// <summary>Packets dropped because the mixing loop fell behind.</summary>
    public long Overflow => Interlocked.Read(ref overflow);

    /// <summary>The jitter buffer (read its counters from the mixing loop or after the mix stopped).</summary>
    public JitterBuffer Jitter => jitter;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnRtp(MediaStream from, Span<byte> packet, in RtpHeader header, int headerLength, int payloadLength)
    {
        // On the thread inside Receive (the mixing loop), the jitter buffer is this thread's own.
        if (Environment.CurrentManagedThreadId == Volatile.Read(ref receivingThread))
        {
            Insert(header, packet.Slice(headerLength, payloadLength));
            return;
        }

        if (Interlocked.Increment(ref queued) > MaxQueued)
        {
            Interlocked.Decrement(ref queued);
            Interlocked.Increment(ref overflow);
            return;
        }

        var copy = ArrayPool<byte>.Shared.Rent(packet.Length);
        packet.CopyTo(copy);
        queue.Enqueue((copy, packet.Length));
    }

    /// <summary>
    /// Mixing loop: receives what the stream's socket holds (at most <paramref name="most"/>
    /// datagrams, into <paramref name="batch"/>) while this input is the stream's sink; the stream
    /// hands its RTP back to this input, which decodes it into the jitter buffer at once. A retired
    /// input does not receive: the socket is its successor's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Receive(DatagramBatch batch, int most)
    {
        if (ReferenceEquals(Stream.Sink, this))
        {
            Volatile.Write(ref receivingThread, Environment.CurrentManagedThreadId);
            Stream.PollRtp(batch, source, most);
        }
    }

    /// <summary>Mixing loop: moves queued packets into the jitter buffer and plays one frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PlayoutKind Pull(Span<short> frame)
    {
        while (queue.TryDequeue(out var item))
        {
            Interlocked.Decrement(ref queued);
            if (RtpPacket.TryRead(item.Buffer.AsSpan(0, item.Length), out var packet, out _))
            {
                Insert(packet.Header, packet.Payload);
            }

            ArrayPool<byte>.Shared.Return(item.Buffer);
        }

        return jitter.Pop(frame);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Insert(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (Stream.Settings.NameOf(header.PayloadType) is { } name && StreamSettings.LawOf(name) is { } law)
        {
            int count = G711.Decode(law, payload, decoded);
            jitter.Insert(header.Ssrc, header.Timestamp, decoded.AsSpan(0, count));
        }
    }

    /// <summary>Returns queued buffers to the pool (when the mix stops).</summary>
    public void Drain()
    {
        while (queue.TryDequeue(out var item))
        {
            Interlocked.Decrement(ref queued);
            ArrayPool<byte>.Shared.Return(item.Buffer);
        }
    }
}
