using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Streams;

/// <summary>Where a stream's inbound RTP goes: a mix input, a bridge, a video fan-out.</summary>
public interface IRtpSink
{
    /// <summary>One valid RTP packet from the peer of <paramref name="from"/>; the span is valid only during the call.</summary>
    void OnRtp(MediaStream from, Span<byte> packet, in RtpHeader header, int headerLength, int payloadLength);
}
