using System.Diagnostics.CodeAnalysis;
using System.Text;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

/// <summary>
/// name-addr or addr-spec with header parameters, as in From, To, Contact, Route, Record-Route,
/// P-Asserted-Identity, Refer-To (RFC 3261 20.10, 20.20, 20.39).
/// </summary>
public sealed record NameAddress(string? DisplayName, SipUri Uri, IReadOnlyList<SipParameter> Parameters)
{
    /// <summary>A name-addr without parameters.</summary>
    public NameAddress(SipUri uri, string? displayName = null)
        : this(displayName, uri, [])
    {
    }

    /// <summary>The tag parameter, if any.</summary>
    public string? Tag => Parameters.GetParameter("tag");

    /// <summary>A copy with the tag set.</summary>
    public NameAddress WithTag(string tag) => this with { Parameters = Parameters.WithParameter("tag", tag) };

    /// <summary>A copy with a header parameter set.</summary>
    public NameAddress WithParameter(string name, string? value) => this with { Parameters = Parameters.WithParameter(name, value) };

    /// <summary>Always written in name-addr form: ["display" ]&lt;uri&gt;;params.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(DisplayName))
        {
            sb.Append(QuotedString.Quote(DisplayName)).Append(' ');
        }

        sb.Append('<').Append(Uri.ToString()).Append('>');
        return sb.Append(SipParameterList.Format(Parameters)).ToString();
    }

    /// <summary>Value equality: display name, URI (RFC 3261 comparison) and parameters in order.</summary>
    public bool Equals(NameAddress? other) =>
        other is not null && DisplayName == other.DisplayName && Uri.Equals(other.Uri) && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DisplayName, Uri, Parameters.Count);

    /// <summary>Parses one name-addr or addr-spec with parameters; never throws.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out NameAddress? value)
    {
        var s = new HeaderScanner(text);
        if (TryRead(ref s, out value))
        {
            s.SkipWs();
            if (s.End)
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static NameAddress Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException("not a valid name-addr: " + text);

    internal static bool TryRead(ref HeaderScanner s, [NotNullWhen(true)] out NameAddress? value)
    {
        value = null;
        s.SkipWs();
        string? display = null;
        SipUri? uri;
        if (s.Peek == '"')
        {
            if (!s.TryReadQuoted(out var quoted) || !s.TryConsume('<'))
            {
                return false;
            }

            display = quoted;
            if (!TryAngleUri(ref s, out uri))
            {
                return false;
            }
        }
        else if (s.Peek == '<' || TokensBeforeAngle(s.Rest, out _))
        {
            if (s.Peek != '<')
            {
                TokensBeforeAngle(s.Rest, out var length);
                display = s.Rest[..length].Trim().ToString();
                s.Position += length;
            }

            s.Position++;
            if (!TryAngleUri(ref s, out uri))
            {
                return false;
            }
        }
        else
        {
            var spec = s.ReadUntilAny(";, \t");
            if (!SipUri.TryParse(spec, out uri))
            {
                return false;
            }
        }

        var parameters = new List<SipParameter>();
        if (!ParameterReader.TryRead(ref s, parameters))
        {
            return false;
        }

        value = new NameAddress(display, uri, parameters);
        return true;
    }

    private static bool TryAngleUri(ref HeaderScanner s, [NotNullWhen(true)] out SipUri? uri)
    {
        var inner = s.ReadUntilAny(">");
        uri = null;
        if (s.End || !SipUri.TryParse(inner, out uri))
        {
            return false;
        }

        s.Position++;
        return true;
    }

    // display-name = *(token LWS) before "<": only token characters and whitespace (scanned once, up to the "<").
    private static bool TokensBeforeAngle(ReadOnlySpan<char> rest, out int length)
    {
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '<')
            {
                length = i;
                return i > 0;
            }

            if (!SipSyntax.IsTokenChar(c) && c is not (' ' or '\t'))
            {
                break;
            }
        }

        length = 0;
        return false;
    }
}
