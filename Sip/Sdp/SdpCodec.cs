namespace CallCluster.Sip.Sdp;

/// <summary>
/// A codec this side can handle: encoding name (case-insensitive), clock rate, channels, and
/// optional fmtp parameters. For H264 the packetization-mode of <see cref="Fmtp"/> (default 0)
/// must equal the offered one; list H264 twice to accept both modes.
/// </summary>
public sealed record SdpCodec(string Name, int ClockRate, int Channels = 1, string? Fmtp = null)
{
    /// <summary>PCMU/8000.</summary>
    public static SdpCodec Pcmu { get; } = new("PCMU", 8000);

    /// <summary>PCMA/8000.</summary>
    public static SdpCodec Pcma { get; } = new("PCMA", 8000);

    /// <summary>VP8/90000.</summary>
    public static SdpCodec Vp8 { get; } = new("VP8", 90000);

    /// <summary>H264/90000 with packetization-mode=1.</summary>
    public static SdpCodec H264 { get; } = new("H264", 90000, 1, "packetization-mode=1");

    /// <summary>True if the offered payload format (rtpmap and fmtp) is this codec.</summary>
    public bool Accepts(RtpMap offered, SdpFmtp? offeredFmtp)
    {
        if (!offered.Matches(Name, ClockRate, Channels))
        {
            return false;
        }

        if (string.Equals(Name, "H264", StringComparison.OrdinalIgnoreCase))
        {
            string mine = Fmtp is null ? "0" : new SdpFmtp("0", Fmtp).GetParameter("packetization-mode") ?? "0";
            string theirs = offeredFmtp?.GetParameter("packetization-mode") ?? "0";
            return mine == theirs;
        }

        return true;
    }
}
