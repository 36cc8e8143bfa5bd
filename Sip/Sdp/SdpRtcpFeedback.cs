namespace CallCluster.Sip.Sdp;

/// <summary>An a=rtcp-fb value (RFC 4585 section 4.2): "pt|* type [parameters]", e.g. "96 nack pli", "* ccm fir".</summary>
/// <param name="Format">Payload type or "*".</param>
/// <param name="Type">"ack", "nack", "trr-int", "ccm", ...</param>
/// <param name="Parameter">The rest ("pli", "fir", ...), or null.</param>
public sealed record SdpRtcpFeedback(string Format, string Type, string? Parameter = null)
{
    /// <summary>True if this line applies to <paramref name="payloadType"/> (its number or "*").</summary>
    public bool AppliesTo(int payloadType) => Format == "*" || Format == payloadType.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for the same type and parameter (format ignored).</summary>
    public bool SameFeedback(SdpRtcpFeedback other) =>
        string.Equals(Type, other.Type, StringComparison.OrdinalIgnoreCase) && string.Equals(Parameter, other.Parameter, StringComparison.OrdinalIgnoreCase);

    /// <summary>True if <paramref name="value"/> has a payload type or "*" and a feedback type (allocates nothing).</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        int space = value.IndexOf(' ');
        if (space <= 0 || value[(space + 1)..].Trim().IsEmpty)
        {
            return false;
        }

        var format = value[..space];
        return format is "*" || RtpMap.TryParsePayloadType(format, out _);
    }

    /// <summary>Parses an a=rtcp-fb value.</summary>
    public static bool TryParse(string value, out SdpRtcpFeedback feedback)
    {
        feedback = null!;
        var parts = value.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || (parts[0] != "*" && !RtpMap.TryParsePayloadType(parts[0], out _)))
        {
            return false;
        }

        feedback = new SdpRtcpFeedback(parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Parameter is null ? $"{Format} {Type}" : $"{Format} {Type} {Parameter}";
}
