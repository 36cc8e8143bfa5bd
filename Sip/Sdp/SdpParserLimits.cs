namespace CallCluster.Sip.Sdp;

/// <summary>Bounds on what <see cref="SdpParser"/> accepts, so that no input costs unbounded memory.</summary>
/// <param name="MaxSize">Largest body in bytes.</param>
/// <param name="MaxLines">Most lines.</param>
/// <param name="MaxLineLength">Longest line in bytes.</param>
/// <param name="MaxMediaDescriptions">Most m= sections.</param>
public sealed record SdpParserLimits(int MaxSize = 16 * 1024, int MaxLines = 512, int MaxLineLength = 2048, int MaxMediaDescriptions = 16)
{
    /// <summary>Limits suited to SIP bodies.</summary>
    public static SdpParserLimits Default { get; } = new();
}
