namespace CallCluster.Sip.Sdp;

/// <summary>A b= line (RFC 8866 section 5.8): type ("AS", "CT", "TIAS", ...) and value (kbit/s for AS and CT).</summary>
public sealed record SdpBandwidth(string Type, long Value)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Type}:{Value}";
}
