using System.Diagnostics.CodeAnalysis;

namespace CallCluster.Sip.Message.Headers;

/// <summary>media-type = m-type SLASH m-subtype *(SEMI m-parameter) (Content-Type, Accept; RFC 3261 20.15).</summary>
public sealed record SipMediaType(string Type, string SubType, IReadOnlyList<SipParameter> Parameters)
{
    /// <summary>application/sdp.</summary>
    public static SipMediaType Sdp { get; } = new("application", "sdp", []);

    /// <summary>"type/subtype" in lower case.</summary>
    public string MediaType => (Type + "/" + SubType).ToLowerInvariant();

    /// <summary>The boundary parameter of multipart bodies.</summary>
    public string? Boundary => Parameters.GetParameter("boundary");

    /// <summary>True when type and subtype match, ignoring case.</summary>
    public bool Is(string type, string subType) =>
        Type.Equals(type, StringComparison.OrdinalIgnoreCase) && SubType.Equals(subType, StringComparison.OrdinalIgnoreCase);

    /// <summary>"type/subtype;params".</summary>
    public override string ToString() => Type + "/" + SubType + SipParameterList.Format(Parameters);

    /// <summary>Value equality with parameters in order.</summary>
    public bool Equals(SipMediaType? other) => other is not null && Is(other.Type, other.SubType) && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MediaType);

    /// <summary>Parses one media type; never throws.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipMediaType? media)
    {
        var s = new HeaderScanner(text);
        media = null;
        return TryRead(ref s, out media) && s.TryNextListElement(out var more) && !more;
    }

    internal static bool TryRead(ref HeaderScanner s, [NotNullWhen(true)] out SipMediaType? media)
    {
        media = null;
        if (!s.TryReadToken(out var type) || !s.TryConsume('/') || !s.TryReadToken(out var sub))
        {
            return false;
        }

        var parameters = new List<SipParameter>();
        if (!ParameterReader.TryRead(ref s, parameters))
        {
            return false;
        }

        media = new SipMediaType(type.ToString(), sub.ToString(), parameters);
        return true;
    }
}
