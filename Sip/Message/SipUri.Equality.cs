using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

public sealed partial class SipUri
{
    private static readonly string[] MustMatch = ["transport", "user", "ttl", "method", "maddr"];

    /// <summary>URI comparison of RFC 3261 19.1.4 (escapes decoded, host case-insensitive, parameter rules).</summary>
    public bool Equals(SipUri? other)
    {
        if (other is null || Scheme != other.Scheme)
        {
            return false;
        }

        if (!IsSip && !IsTel)
        {
            return string.Equals(SchemeSpecificPart, other.SchemeSpecificPart, StringComparison.OrdinalIgnoreCase);
        }

        if (User != other.User || Password != other.Password || Port != other.Port
            || !string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var name in MustMatch)
        {
            if (!SameValue(Parameters, other.Parameters, name, requirePresence: true))
            {
                return false;
            }
        }

        foreach (var p in Parameters)
        {
            if (!SameValue(Parameters, other.Parameters, p.Name, requirePresence: false))
            {
                return false;
            }
        }

        if (Headers.Count != other.Headers.Count)
        {
            return false;
        }

        foreach (var h in Headers)
        {
            var theirs = other.Headers.GetParameter(h.Name);
            if (theirs is null || UriEscaping.Unescape(theirs) != UriEscaping.Unescape(h.Value ?? string.Empty))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SipUri u && Equals(u);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Scheme, User, StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port);

    private static bool SameValue(IReadOnlyList<SipParameter> a, IReadOnlyList<SipParameter> b, string name, bool requirePresence)
    {
        var inA = a.HasParameter(name);
        var inB = b.HasParameter(name);
        if (!inA || !inB)
        {
            return !requirePresence || inA == inB;
        }

        var va = a.GetParameter(name);
        var vb = b.GetParameter(name);
        return va is null ? vb is null : vb is not null && string.Equals(UriEscaping.Unescape(va), UriEscaping.Unescape(vb), StringComparison.OrdinalIgnoreCase);
    }
}
