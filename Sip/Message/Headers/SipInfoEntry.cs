using System.Diagnostics.CodeAnalysis;

namespace CallCluster.Sip.Message.Headers;

/// <summary>One Call-Info / Alert-Info / Error-Info value: LAQUOT absoluteURI RAQUOT *( SEMI param ) (RFC 3261 20.4, 20.9).</summary>
public sealed record SipInfoEntry(string Uri, IReadOnlyList<SipParameter> Parameters)
{
    /// <summary>The purpose parameter of Call-Info.</summary>
    public string? Purpose => Parameters.GetParameter("purpose");

    /// <summary>"&lt;uri&gt;;params".</summary>
    public override string ToString() => "<" + Uri + ">" + SipParameterList.Format(Parameters);

    /// <summary>Value equality with parameters in order.</summary>
    public bool Equals(SipInfoEntry? other) => other is not null && Uri == other.Uri && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode() => Uri.GetHashCode(StringComparison.Ordinal);

    internal static bool TryRead(ref HeaderScanner s, [NotNullWhen(true)] out SipInfoEntry? entry)
    {
        entry = null;
        if (!s.TryConsume('<'))
        {
            return false;
        }

        var uri = s.ReadUntilAny(">");
        if (s.End || uri.IsEmpty || uri.IndexOf(':') <= 0)
        {
            return false;
        }

        s.Position++;
        var parameters = new List<SipParameter>();
        if (!ParameterReader.TryRead(ref s, parameters))
        {
            return false;
        }

        entry = new SipInfoEntry(uri.Trim().ToString(), parameters);
        return true;
    }
}
