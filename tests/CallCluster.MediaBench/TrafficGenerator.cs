using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallCluster.MediaBench;

/// <summary>
/// G.711 traffic for many legs from a few loopback sockets: every leg sends one 172-byte RTP
/// packet (12-byte header, 160 bytes PCMU) per 20 ms, the legs spread over the 20 milliseconds of
/// each period by one pacing thread; each socket has one receive thread, blocked in the socket
/// or (<c>drain</c>) sleeping a millisecond between drains of everything queued: then a relay's
/// sends need not wake it (on loopback the sender's system call does the receiver's side, wake-up
/// included; over a network it does not), and arrival times are up to about a millisecond late. A sent packet
/// carries its send time and the current phase; packets received in the phase being measured are
/// counted and, when they carry the generator's own payload (relayed undecoded), timed.
/// </summary>
public sealed class TrafficGenerator : IDisposable
{
    public const int PacketLength = 172;
    private const int PayloadOffset = 12;
    private const int MaxCatchUpSlots = 20;
    private readonly Socket[] sockets;
    private readonly Thread[] receivers;
    private readonly int[] legSocket;
    private readonly SocketAddress?[] legTarget;
    private readonly ushort[] legSequence;
    private readonly long[] received = new long[256];
    private readonly LatencyHistogram?[] latency = new LatencyHistogram?[256];
    private Thread? pacer;
    private volatile bool sending;
    private volatile bool disposed;
    private volatile int phase;
    private readonly long[] sent = new long[256];
    private long maxPacerLagMicros;
    private long skippedSlots;

    /// <param name="legs">Legs (streams sent), each bound to socket leg mod <paramref name="socketCount"/>.</param>
    /// <param name="drain">Receive threads sleep a millisecond between drains instead of blocking in the socket.</param>
    public TrafficGenerator(int legs, int socketCount, bool drain = false)
    {
        sockets = new Socket[socketCount];
        receivers = new Thread[socketCount];
        for (int s = 0; s < socketCount; s++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.ReceiveBufferSize = 4 << 20;
            socket.SendBufferSize = 4 << 20;
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            sockets[s] = socket;
        }

        legSocket = [.. Enumerable.Range(0, legs).Select(l => l % socketCount)];
        legTarget = new SocketAddress?[legs];
        legSequence = new ushort[legs];
        for (int s = 0; s < socketCount; s++)
        {
            int index = s;
            receivers[s] = new Thread(() => Receive(sockets[index], drain)) { IsBackground = true, Name = $"rx-{s}", Priority = ThreadPriority.Highest };
            receivers[s].Start();
        }
    }

    public int Legs => legTarget.Length;

    /// <summary>The loopback port leg <paramref name="leg"/> sends from and receives on.</summary>
    public int PortOf(int leg) => ((IPEndPoint)sockets[legSocket[leg]].LocalEndPoint!).Port;

    /// <summary>Where leg <paramref name="leg"/> sends (loopback port).</summary>
    public void Target(int leg, int port) => legTarget[leg] = new IPEndPoint(IPAddress.Loopback, port).Serialize();

    /// <summary>Packets sent tagged <paramref name="phaseTag"/>.</summary>
    public long Sent(int phaseTag) => Interlocked.Read(ref sent[phaseTag]);

    /// <summary>Packets received while <paramref name="phaseTag"/> was being sent (tag in the payload), or any packet for phase 255 counters.</summary>
    public long Received(int phaseTag) => Interlocked.Read(ref received[phaseTag]);

    /// <summary>Latency of packets tagged <paramref name="phaseTag"/>.</summary>
    public LatencyHistogram Latency(int phaseTag) => latency[phaseTag] ??= new LatencyHistogram();

    /// <summary>Largest lag of the pacing thread behind its schedule (µs) since the last start.</summary>
    public long MaxPacerLagMicros => Interlocked.Read(ref maxPacerLagMicros);

    /// <summary>Milliseconds of sending skipped because the pacing thread was more than 20 ms behind, since the last start.</summary>
    public long SkippedSlots => Interlocked.Read(ref skippedSlots);

    /// <summary>Starts sending with packets tagged <paramref name="phaseTag"/> (1-254).</summary>
    public void Start(int phaseTag)
    {
        Latency(phaseTag);
        phase = phaseTag;
        Interlocked.Exchange(ref maxPacerLagMicros, 0);
        Interlocked.Exchange(ref skippedSlots, 0);
        sending = true;
        pacer = new Thread(Pace) { IsBackground = true, Name = "pacer", Priority = ThreadPriority.Highest };
        pacer.Start();
    }

    /// <summary>Switches the tag of packets sent from now on.</summary>
    public void Retag(int phaseTag)
    {
        Latency(phaseTag);
        phase = phaseTag;
    }

    /// <summary>Stops sending (returns when the pacing thread has stopped).</summary>
    public void Stop()
    {
        sending = false;
        pacer?.Join();
        pacer = null;
    }

    public void Dispose()
    {
        Stop();
        disposed = true;
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        foreach (var receiver in receivers)
        {
            receiver.Join(TimeSpan.FromSeconds(2));
        }
    }

    private void Pace()
    {
        var packet = new byte[PacketLength];
        packet[0] = 0x80;
        packet.AsSpan(PayloadOffset).Fill(0xFF);
        long start = Stopwatch.GetTimestamp();
        long slot = 0;
        while (sending)
        {
            long elapsedMicros = (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            long due = elapsedMicros / 1000;
            if (slot <= due)
            {
                long lag = elapsedMicros - (slot * 1000);
                if (lag > Interlocked.Read(ref maxPacerLagMicros))
                {
                    Interlocked.Exchange(ref maxPacerLagMicros, lag);
                }
            }

            if (due - slot > MaxCatchUpSlots)
            {
                // Stalled (the generator's core was taken): skip, as a terminal would, rather than burst.
                Interlocked.Add(ref skippedSlots, due - MaxCatchUpSlots - slot);
                slot = due - MaxCatchUpSlots;
            }

            for (; slot <= due && sending; slot++)
            {
                byte tag = (byte)phase;
                for (int leg = (int)(slot % 20); leg < legTarget.Length; leg += 20)
                {
                    Send(packet, leg, tag);
                }
            }

            Thread.Sleep(1);
        }
    }

    private void Send(byte[] packet, int leg, byte tag)
    {
        if (legTarget[leg] is not { } target)
        {
            return;
        }

        ushort sequence = legSequence[leg]++;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(sequence * 160));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x10000u + (uint)leg);
        BinaryPrimitives.WriteInt64LittleEndian(packet.AsSpan(PayloadOffset), Stopwatch.GetTimestamp());
        BinaryPrimitives.WriteInt32LittleEndian(packet.AsSpan(PayloadOffset + 8), leg);
        packet[PayloadOffset + 12] = tag;
        try
        {
            sockets[legSocket[leg]].SendTo(packet, SocketFlags.None, target);
            Interlocked.Increment(ref sent[tag]);
        }
        catch (SocketException)
        {
            // A full send buffer or an ICMP error: counted as not sent.
        }
    }

    private void Receive(Socket socket, bool drain)
    {
        var buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!disposed)
        {
            int length;
            try
            {
                if (drain && socket.Available == 0)
                {
                    Thread.Sleep(1);
                    continue;
                }

                length = socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            long now = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref received[255]);
            if (length != PacketLength || buffer[PayloadOffset + 12] is 0 or 255)
            {
                continue;
            }

            int tag = buffer[PayloadOffset + 12];
            long sentAt = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(PayloadOffset));
            Interlocked.Increment(ref received[tag]);
            latency[tag]?.Record((now - sentAt) * 1_000_000 / Stopwatch.Frequency);
        }
    }
}
