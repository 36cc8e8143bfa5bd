namespace CallCluster.Sip.Rtp;

/// <summary>
/// Demultiplexing of RTP and RTCP on one port (rtcp-mux, RFC 5761 section 4) and of STUN/DTLS
/// beside them (RFC 7983). RTCP is told apart by its second byte: packet types 192-223, which as an
/// RTP marker bit plus payload type would be types 64-95, a range RTP payloads must avoid under
/// rtcp-mux.
/// </summary>
public static class RtpRtcpDemux
{
    /// <summary>Classifies a datagram by its first two bytes.</summary>
    public static MediaPacketKind Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            return MediaPacketKind.Unknown;
        }

        byte first = datagram[0];
        if (first <= 3)
        {
            return MediaPacketKind.Stun;
        }

        if (first is >= 20 and <= 63)
        {
            return MediaPacketKind.Dtls;
        }

        if (first is < 128 or > 191 || datagram.Length < 2)
        {
            return MediaPacketKind.Unknown;
        }

        return IsRtcpPacketType(datagram[1]) ? MediaPacketKind.Rtcp : MediaPacketKind.Rtp;
    }

    /// <summary>True if the datagram is version 2 and its second byte is an RTCP packet type (192-223).</summary>
    public static bool IsRtcp(ReadOnlySpan<byte> datagram) => Classify(datagram) == MediaPacketKind.Rtcp;

    /// <summary>True for second bytes 192-223 (RTP payload types 64-95 with the marker bit set).</summary>
    public static bool IsRtcpPacketType(byte secondByte) => secondByte is >= 192 and <= 223;

    /// <summary>True if an RTP payload type may be used with rtcp-mux (outside 64-95).</summary>
    public static bool IsPayloadTypeUsableWithMux(byte payloadType) => payloadType is < 64 or (> 95 and <= 127);
}
