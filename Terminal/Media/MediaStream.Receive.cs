using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CallCluster.Sip.Codecs;
using CallCluster.Sip.Rtp;
using CallCluster.Sip.Rtp.Payloads;

namespace CallCluster.Terminal.Media;

public sealed partial class MediaStream
{
    private RtpReceiveStatistics? _reception;
    private uint _remoteSsrc;
    private long _lostBefore;
    private long _receivedBefore;
    private uint _lastKeyTimestamp;
    private bool _anyKey;

    private async Task ReceiveLoop(CancellationToken token)
    {
        var buffer = new byte[2048];
        var samples = new short[1500];
        var clock = Stopwatch.StartNew();
        var detector = new ToneDetector(_options.ToneCandidates.Count > 0 ? _options.ToneCandidates : ToneDetector.DefaultCandidates);
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!token.IsCancellationRequested)
        {
            int length;
            try
            {
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, token).ConfigureAwait(false);
                length = result.ReceivedBytes;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var datagram = buffer.AsSpan(0, length);
            switch (RtpRtcpDemux.Classify(datagram))
            {
                case MediaPacketKind.Rtp:
                    OnRtp(datagram, clock.Elapsed, detector, samples);
                    break;
                case MediaPacketKind.Rtcp:
                    OnRtcp(datagram, clock.Elapsed);
                    break;
                default:
                    Interlocked.Increment(ref _counters.Invalid);
                    break;
            }
        }
    }

    private void OnRtp(ReadOnlySpan<byte> datagram, TimeSpan arrival, ToneDetector detector, short[] samples)
    {
        if (!RtpPacket.TryRead(datagram, out var packet, out _))
        {
            Interlocked.Increment(ref _counters.Invalid);
            return;
        }

        var settings = Volatile.Read(ref _settings);
        var header = packet.Header;
        if (_reception is null || header.Ssrc != _remoteSsrc)
        {
            if (_reception is not null)
            {
                _lostBefore += Math.Max(0, _reception.CumulativeLost);
                _receivedBefore += _reception.PacketsReceived;
            }

            _reception = new RtpReceiveStatistics(settings?.ClockRate is > 0 and var rate ? rate : (Media == "audio" ? 8000 : 90000));
            _remoteSsrc = header.Ssrc;
        }

        _reception.OnPacket(header.SequenceNumber, header.Timestamp, arrival);
        var tonesChanged = false;
        if (Media == "audio" && header.PayloadType is 0 or 8 && packet.Payload.Length <= samples.Length)
        {
            var law = header.PayloadType == 8 ? G711Law.ALaw : G711Law.MuLaw;
            var count = G711.Decode(law, packet.Payload, samples);
            tonesChanged = detector.Add(samples.AsSpan(0, count));
        }
        else if (Media == "video" && settings is not null && VideoKeyFrame.IsKeyFrame(settings.EncodingName, packet.Payload))
        {
            if (!_anyKey || header.Timestamp != _lastKeyTimestamp)
            {
                Interlocked.Increment(ref _counters.KeyFramesReceived);
            }

            _anyKey = true;
            _lastKeyTimestamp = header.Timestamp;
        }

        var previous = Volatile.Read(ref _snapshot);
        Volatile.Write(ref _snapshot, previous with
        {
            PacketsReceived = _receivedBefore + _reception.PacketsReceived,
            PacketsLost = _lostBefore + Math.Max(0, _reception.CumulativeLost),
            JitterMs = _reception.Jitter * 1000.0 / _reception.ClockRate,
            Tones = tonesChanged ? detector.Detected : previous.Tones,
            CurrentTones = tonesChanged ? detector.Recent : previous.CurrentTones,
        });
    }

    private void OnRtcp(ReadOnlySpan<byte> datagram, TimeSpan arrival)
    {
        if (!RtcpCompound.TryRead(datagram, out var packets, out _))
        {
            Interlocked.Increment(ref _counters.Invalid);
            return;
        }

        Interlocked.Increment(ref _counters.RtcpReceived);
        foreach (var rtcp in packets)
        {
            switch (rtcp)
            {
                case RtcpPictureLossIndication or RtcpFullIntraRequest:
                    Interlocked.Increment(ref _counters.KeyFrameRequestsReceived);
                    RequestKeyFrame();
                    break;
                case RtcpSenderReport sr when _reception is not null && sr.Ssrc == _remoteSsrc:
                    _reception.OnSenderReport(sr.NtpTimestamp, arrival);
                    break;
            }
        }
    }

    private async Task RtcpLoop(CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        var buffer = new byte[1500];
        try
        {
            using var timer = new PeriodicTimer(_options.RtcpInterval, _options.Time);
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                if (Volatile.Read(ref _settings) is not { RemoteRtcp: { } remote })
                {
                    continue;
                }

                var compound = BuildReport(clock.Elapsed);
                if (RtcpCompound.TryWrite(buffer, compound, out var written))
                {
                    try
                    {
                        await _socket.SendToAsync(buffer.AsMemory(0, written), SocketFlags.None, remote, token).ConfigureAwait(false);
                        Interlocked.Increment(ref _counters.RtcpSent);
                    }
                    catch (SocketException)
                    {
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private List<RtcpPacket> BuildReport(TimeSpan now)
    {
        // The report block is built on the RTCP task while the receive task updates the same
        // statistics; the values are advisory, a torn read only skews one report.
        var reception = _reception;
        ValueList<RtcpReportBlock> blocks = reception is null ? default : [reception.CreateReportBlock(_remoteSsrc, now)];
        var sent = Interlocked.Read(ref _counters.PacketsSent);
        RtcpPacket report = sent > 0
            ? new RtcpSenderReport(_ssrc, NtpTime.FromDateTimeOffset(_options.Time.GetUtcNow()), Volatile.Read(ref _lastTimestamp), (uint)sent, (uint)Interlocked.Read(ref _counters.OctetsSent), blocks)
            : new RtcpReceiverReport(_ssrc, blocks);
        return [report, RtcpSourceDescription.ForCName(_ssrc, "terminal@callcluster")];
    }
}
