using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>Where and as whom an offer or answer is made.</summary>
/// <param name="Origin">The o= line (keep the session id, bump the version on every new offer or answer).</param>
/// <param name="ConnectionAddress">Address media is received on (session-level c=).</param>
/// <param name="Ports">RTP port per m= line (for an answer: per offered line, a missing or non-positive entry rejects that line).</param>
public sealed record SdpLocalOptions(SdpOrigin Origin, string ConnectionAddress, ValueList<int> Ports)
{
    /// <summary>s= line.</summary>
    public string SessionName { get; init; } = "-";
}
