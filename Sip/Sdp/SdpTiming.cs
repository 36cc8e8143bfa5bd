namespace CallCluster.Sip.Sdp;

/// <summary>A t= line with its r= lines (RFC 8866 sections 5.9, 5.10). "t=0 0" is an unbounded session.</summary>
/// <param name="Start">Start time (NTP seconds), 0 for unbounded.</param>
/// <param name="Stop">Stop time (NTP seconds), 0 for unbounded.</param>
/// <param name="Repeats">The values of the r= lines that follow, kept as written.</param>
public sealed record SdpTiming(ulong Start, ulong Stop, Rtp.ValueList<string> Repeats = default)
{
    /// <summary>t=0 0.</summary>
    public static SdpTiming Unbounded { get; } = new(0, 0);
}
