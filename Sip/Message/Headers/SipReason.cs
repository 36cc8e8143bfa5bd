using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallCluster.Sip.Message.Headers;

/// <summary>One Reason value: protocol with cause and text (RFC 3326).</summary>
public sealed record SipReason(string Protocol, IReadOnlyList<SipParameter> Parameters)
{
    /// <summary>The cause parameter.</summary>
    public int? Cause => int.TryParse(Parameters.GetParameter("cause"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;

    /// <summary>The text parameter (unquoted).</summary>
    public string? Text => Parameters.GetParameter("text");

    /// <summary>"protocol;params".</summary>
    public override string ToString() => Protocol + SipParameterList.Format(Parameters);

    /// <summary>Value equality with parameters in order.</summary>
    public bool Equals(SipReason? other) => other is not null && Protocol.Equals(other.Protocol, StringComparison.OrdinalIgnoreCase) && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode() => Protocol.ToLowerInvariant().GetHashCode(StringComparison.Ordinal);

    internal static bool TryRead(ref HeaderScanner s, [NotNullWhen(true)] out SipReason? reason)
    {
        reason = null;
        var parameters = new List<SipParameter>();
        if (!s.TryReadToken(out var protocol) || !ParameterReader.TryRead(ref s, parameters))
        {
            return false;
        }

        reason = new SipReason(protocol.ToString(), parameters);
        return true;
    }
}
