namespace CallCluster.Sip.Sdp;

/// <summary>An a=fmtp value (RFC 8866 section 6.15): format and its parameters as written.</summary>
public sealed record SdpFmtp(string Format, string Parameters)
{
    /// <summary>
    /// The value of "name=value" in a ';'-separated parameter list (name case-insensitive), or null.
    /// </summary>
    public string? GetParameter(string name)
    {
        foreach (var range in Parameters.AsSpan().Split(';'))
        {
            var part = Parameters.AsSpan(range).Trim();
            int equals = part.IndexOf('=');
            if (equals > 0 && part[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..].Trim().ToString();
            }
        }

        return null;
    }

    /// <summary>True if <paramref name="value"/> has a format and parameters (allocates nothing).</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        int space = value.IndexOf(' ');
        return space > 0 && space < value.Length - 1;
    }

    /// <summary>Parses "format parameters"; false without a format or parameters.</summary>
    public static bool TryParse(string value, out SdpFmtp fmtp)
    {
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space == value.Length - 1)
        {
            fmtp = null!;
            return false;
        }

        fmtp = new SdpFmtp(value[..space], value[(space + 1)..].Trim());
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Format} {Parameters}";
}
