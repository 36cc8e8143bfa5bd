using System.Net;
using System.Runtime.CompilerServices;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Transport;
using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Streams;

/// <summary>
/// One stream (one m= line) of an endpoint: its RTP and RTCP sockets, where the peer really is
/// (symmetric RTP: the source address latched by <see cref="SourceLatch"/> wins over the SDP, for
/// terminals behind NAT; a new configuration re-arms the latch), the negotiated settings, the outbound stream to the
/// peer, and where inbound RTP goes. Inbound runs on the socket's receive loop; settings, sink and
/// latched addresses are swapped atomically, so the control side never blocks the data path.
/// </summary>
public sealed class MediaStream : IDatagramReceiver, IDisposable
{
    private readonly UdpChannel rtp;
    private readonly UdpChannel? rtcp;
    private readonly TimeProvider time;
    private volatile StreamSettings settings;
    private volatile IRtpSink? sink;
    private volatile MediaStream? feedbackTarget;
    private volatile SocketAddress? latchedRtp;
    private volatile SocketAddress? latchedRtcp;
    private long lastActivity;
    private long activityCount;
    private long rtpReceived;
    private long rtpDropped;
    private int inboundSsrc;
    private int hasInboundSsrc;
    private int firSequence;

    /// <summary>Wraps bound channels; call <see cref="Start"/> to begin receiving.</summary>
    public MediaStream(int key, MediaKind kind, UdpChannel rtp, UdpChannel? rtcp, IReadOnlyList<CodecSpec> preferences, TimeProvider time)
    {
        Key = key;
        Kind = kind;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.time = time;
        settings = StreamSettings.Initial(preferences);
        lastActivity = time.GetTimestamp();
        int clockRate = kind == MediaKind.Audio ? 8000 : 90000;
        uint seed = (uint)Random.Shared.Next();
        Outbound = new OutboundStream(
            (uint)Random.Shared.Next() | 1u,
            clockRate,
            kind == MediaKind.Audio ? 160u : 1u,
            (ushort)seed,
            (uint)Random.Shared.Next());
    }

    /// <summary>Node-unique number of this stream, the source key its packets carry into rewriters.</summary>
    public int Key { get; }

    /// <summary>Audio or video.</summary>
    public MediaKind Kind { get; }

    /// <summary>Local RTP port.</summary>
    public int RtpPort => rtp.Port;

    /// <summary>Local RTCP port (the RTP port with rtcp-mux).</summary>
    public int RtcpPort => rtcp?.Port ?? rtp.Port;

    /// <summary>True when RTCP shares the RTP port.</summary>
    public bool RtcpMux => rtcp is null;

    /// <summary>The current negotiated settings.</summary>
    public StreamSettings Settings => settings;

    /// <summary>What goes to the peer.</summary>
    public OutboundStream Outbound { get; }

    /// <summary>Where inbound RTP goes (null: dropped).</summary>
    public IRtpSink? Sink
    {
        get => sink;
        set => sink = value;
    }

    /// <summary>The stream whose peer gets this peer's keyframe requests (its current video source).</summary>
    public MediaStream? FeedbackTarget
    {
        get => feedbackTarget;
        set => feedbackTarget = value;
    }

    /// <summary>Monotonic timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last RTP or RTCP from the peer.</summary>
    public long LastActivity => Interlocked.Read(ref lastActivity);

    /// <summary>RTP and RTCP packets received from the peer (any change means the peer is alive).</summary>
    public long ActivityCount => Interlocked.Read(ref activityCount);

    /// <summary>Valid RTP packets received.</summary>
    public long RtpReceived => Interlocked.Read(ref rtpReceived);

    /// <summary>Datagrams dropped as not RTP/RTCP.</summary>
    public long Dropped => Interlocked.Read(ref rtpDropped);

    /// <summary>Datagrams sent on both sockets.</summary>
    public long Sent => rtp.Sent + (rtcp?.Sent ?? 0);

    /// <summary>Where RTP to the peer goes: the latched source, else the SDP address.</summary>
    public SocketAddress? RemoteRtp => latchedRtp ?? settings.RemoteRtp;

    /// <summary>Where RTCP to the peer goes.</summary>
    public SocketAddress? RemoteRtcp => latchedRtcp ?? settings.RemoteRtcp;

    /// <summary>The SSRC the peer sends with, once seen.</summary>
    public uint? InboundSsrc => Volatile.Read(ref hasInboundSsrc) != 0 ? (uint)Volatile.Read(ref inboundSsrc) : null;

    /// <summary>Starts the receive loops.</summary>
    public void Start()
    {
        rtp.Start(this);
        rtcp?.Start(this);
    }

    /// <summary>
    /// True: the RTP socket's receive loop stops and the owner (a mixing loop) receives with
    /// <see cref="PollRtp"/> once a period; false: back to the receive loop. RTCP on its own port
    /// stays on its loop.
    /// </summary>
    public void ReceiveByPolling(bool on) => rtp.SetPolled(on);

    /// <summary>Handles up to <paramref name="most"/> datagrams queued on the RTP socket, on the calling thread (see <see cref="ReceiveByPolling"/>); <paramref name="from"/> is the caller's, made by <see cref="NewSourceAddress"/>.</summary>
    public int PollRtp(Span<byte> buffer, SocketAddress from, int most) => rtp.Poll(buffer, from, most);

    /// <summary>As <see cref="PollRtp(Span{byte}, SocketAddress, int)"/>, receiving several datagrams a system call into <paramref name="batch"/>.</summary>
    public int PollRtp(DatagramBatch batch, SocketAddress from, int most) => rtp.Poll(batch, from, most);

    /// <summary>A source address buffer for <see cref="PollRtp"/>.</summary>
    public SocketAddress NewSourceAddress() => new(rtp.AddressFamily);

    /// <summary>Applies the peer's SDP; the latch is re-armed so a moved peer is found again.</summary>
    public void Configure(StreamConfiguration configuration)
    {
        settings = StreamSettings.From(configuration);
        latchedRtp = null;
        latchedRtcp = null;
        Interlocked.Exchange(ref lastActivity, time.GetTimestamp());
    }

    /// <summary>Marks the stream as active now (so a fresh endpoint is not declared dead at once).</summary>
    public void Touch() => Interlocked.Exchange(ref lastActivity, time.GetTimestamp());

    /// <summary>
    /// Sends an already rewritten RTP packet to the peer, unless the peer does not want media
    /// (sendonly or inactive: hold) or its address is still unknown.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool SendRtp(ReadOnlySpan<byte> packet)
    {
        var current = settings;
        var to = latchedRtp ?? current.RemoteRtp;
        return current.PeerReceives && to is not null && rtp.Send(packet, to);
    }

    /// <summary>Sends an RTCP packet to the peer's RTCP address (the RTP port with rtcp-mux).</summary>
    public bool SendRtcp(ReadOnlySpan<byte> packet)
    {
        var to = RemoteRtcp;
        return to is not null && (rtcp ?? rtp).Send(packet, to);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnDatagram(UdpChannel channel, Span<byte> data, SocketAddress from)
    {
        // RFC 5761 section 4: with rtcp-mux, packet types 192-223 (second byte) are RTCP.
        bool isRtcp = !ReferenceEquals(channel, rtp) || RtpRtcpDemux.IsRtcp(data);
        if (isRtcp)
        {
            OnRtcp(data, from);
            return;
        }

        if (!RtpPacket.TryRead(data, out var packet, out _))
        {
            Interlocked.Increment(ref rtpDropped);
            return;
        }

        long now = time.GetTimestamp();
        var latched = latchedRtp;
        var silence = latched is null ? TimeSpan.MaxValue : time.GetElapsedTime(Interlocked.Read(ref lastActivity), now);
        switch (SourceLatch.Judge(from, latched, settings.RemoteRtp, silence))
        {
            case SourceLatch.Verdict.Drop:
                StreamMetrics.Dropped();
                return;
            case SourceLatch.Verdict.Latch:
                latchedRtp = Copy(from);
                if (rtcp is null)
                {
                    latchedRtcp = latchedRtp;
                }

                break;
        }

        Interlocked.Exchange(ref lastActivity, now);
        Interlocked.Increment(ref activityCount);
        Interlocked.Increment(ref rtpReceived);

        Volatile.Write(ref inboundSsrc, (int)packet.Header.Ssrc);
        Volatile.Write(ref hasInboundSsrc, 1);
        if (!settings.PeerSends)
        {
            return;
        }

        sink?.OnRtp(this, data, packet.Header, packet.HeaderLength, packet.Payload.Length);
    }

    /// <summary>Closes both sockets.</summary>
    public void Dispose()
    {
        sink = null;
        feedbackTarget = null;
        rtp.Dispose();
        rtcp?.Dispose();
    }

    private void OnRtcp(Span<byte> data, SocketAddress from)
    {
        if (rtcp is null && latchedRtp is { } peer && !peer.Equals(from))
        {
            // rtcp-mux: RTCP shares the RTP port, so it must come from the latched RTP source too.
            StreamMetrics.Dropped();
            return;
        }

        Interlocked.Exchange(ref lastActivity, time.GetTimestamp());
        Interlocked.Increment(ref activityCount);
        if (latchedRtcp is null || !latchedRtcp.Equals(from))
        {
            latchedRtcp = Copy(from);
        }

        if (Kind == MediaKind.Video && feedbackTarget is { } source && KeyframeRequests.Find(data) is { } request)
        {
            source.RequestKeyframe(request);
        }
    }

    /// <summary>Asks this stream's peer for a keyframe (PLI, or FIR when that was asked for).</summary>
    public bool RequestKeyframe(KeyframeRequest request)
    {
        if (InboundSsrc is not { } mediaSsrc)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[KeyframeRequests.MaxLength];
        int length = request == KeyframeRequest.Fir
            ? KeyframeRequests.WriteFir(buffer, Outbound.Ssrc, mediaSsrc, (byte)Interlocked.Increment(ref firSequence))
            : KeyframeRequests.WritePli(buffer, Outbound.Ssrc, mediaSsrc);
        return length > 0 && SendRtcp(buffer[..length]);
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
