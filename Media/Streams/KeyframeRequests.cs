using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Streams;

/// <summary>Finds keyframe requests (PLI, FIR) in a compound RTCP datagram and writes new ones.</summary>
internal static class KeyframeRequests
{
    /// <summary>Room for one PLI or one single-entry FIR.</summary>
    public const int MaxLength = 20;

    /// <summary>The first PLI or FIR in a compound datagram, if any; malformed datagrams yield none.</summary>
    public static KeyframeRequest? Find(ReadOnlySpan<byte> compound)
    {
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryReadNext(out var header, out _))
        {
            if (header.PacketType == (byte)RtcpPacketType.PayloadFeedback)
            {
                if (header.Count == RtcpPictureLossIndication.Format)
                {
                    return KeyframeRequest.Pli;
                }

                if (header.Count == RtcpFullIntraRequest.Format)
                {
                    return KeyframeRequest.Fir;
                }
            }
        }

        return null;
    }

    /// <summary>Writes a PLI from <paramref name="senderSsrc"/> about <paramref name="mediaSsrc"/>; returns its length, 0 if it did not fit.</summary>
    public static int WritePli(Span<byte> destination, uint senderSsrc, uint mediaSsrc) =>
        new RtcpPictureLossIndication(senderSsrc, mediaSsrc).TryWrite(destination, out int written) ? written : 0;

    /// <summary>Writes a FIR with one entry for <paramref name="mediaSsrc"/>; returns its length, 0 if it did not fit.</summary>
    public static int WriteFir(Span<byte> destination, uint senderSsrc, uint mediaSsrc, byte sequence) =>
        new RtcpFullIntraRequest(senderSsrc, ValueList.Create([new RtcpFirEntry(mediaSsrc, sequence)])).TryWrite(destination, out int written) ? written : 0;
}
