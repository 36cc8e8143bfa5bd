namespace CallCluster.Actors.MediaProtocol;

/// <summary>One codec of an SDP m= line: payload type, encoding name (PCMU, PCMA, VP8, H264) and clock rate.</summary>
public sealed record CodecSpec(int PayloadType, string Name, int ClockRate)
{
    /// <summary>G.711 mu-law, static payload type 0.</summary>
    public static CodecSpec Pcmu { get; } = new(0, "PCMU", 8000);

    /// <summary>G.711 A-law, static payload type 8.</summary>
    public static CodecSpec Pcma { get; } = new(8, "PCMA", 8000);
}
