using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CallCluster.Sip.Message.Headers;

/// <summary>One Via value: sent-protocol, sent-by and parameters (RFC 3261 20.42, RFC 3581, RFC 5118).</summary>
public sealed record SipVia(string Transport, string Host, int? Port, IReadOnlyList<SipParameter> Parameters, string Protocol = "SIP/2.0")
{
    /// <summary>The RFC 3261 magic cookie that starts every compliant branch.</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>The branch parameter.</summary>
    public string? Branch => Parameters.GetParameter("branch");

    /// <summary>True when the branch starts with the magic cookie (RFC 3261 transaction matching applies).</summary>
    public bool HasMagicCookie => Branch?.StartsWith(MagicCookie, StringComparison.Ordinal) == true;

    /// <summary>The received parameter.</summary>
    public string? Received => Parameters.GetParameter("received");

    /// <summary>True when rport is present (with or without a value).</summary>
    public bool HasRPort => Parameters.HasParameter("rport");

    /// <summary>The rport value, when present and numeric.</summary>
    public int? RPort => int.TryParse(Parameters.GetParameter("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary>The maddr parameter.</summary>
    public string? Maddr => Parameters.GetParameter("maddr");

    /// <summary>The ttl parameter.</summary>
    public int? Ttl => int.TryParse(Parameters.GetParameter("ttl"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;

    /// <summary>Host and port as "host[:port]".</summary>
    public string SentBy => Port is { } p ? Host + ":" + p.ToString(CultureInfo.InvariantCulture) : Host;

    /// <summary>A copy with a parameter set.</summary>
    public SipVia WithParameter(string name, string? value) => this with { Parameters = Parameters.WithParameter(name, value) };

    /// <summary>A copy with received set.</summary>
    public SipVia WithReceived(string address) => WithParameter("received", address);

    /// <summary>A copy with rport set to the port the request came from.</summary>
    public SipVia WithRPort(int port) => WithParameter("rport", port.ToString(CultureInfo.InvariantCulture));

    /// <summary>"SIP/2.0/UDP host:port;params".</summary>
    public override string ToString() =>
        new StringBuilder(Protocol).Append('/').Append(Transport).Append(' ').Append(SentBy)
            .Append(SipParameterList.Format(Parameters)).ToString();

    /// <summary>Value equality with parameter lists compared in order.</summary>
    public bool Equals(SipVia? other) => other is not null && Transport == other.Transport && Protocol == other.Protocol
        && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase) && Port == other.Port && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Transport, Host.ToLowerInvariant(), Port, Branch);

    /// <summary>Parses one Via value; never throws.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipVia? via)
    {
        var s = new HeaderScanner(text);
        if (TryRead(ref s, out via) && s.TryNextListElement(out var more) && !more)
        {
            return true;
        }

        via = null;
        return false;
    }

    // via-parm = sent-protocol LWS sent-by *( SEMI via-params ); SLASH = SWS "/" SWS
    internal static bool TryRead(ref HeaderScanner s, [NotNullWhen(true)] out SipVia? via)
    {
        via = null;
        if (!s.TryReadToken(out var name) || !s.TryConsume('/') || !s.TryReadToken(out var version)
            || !s.TryConsume('/') || !s.TryReadToken(out var transport))
        {
            return false;
        }

        s.SkipWs();
        string host;
        if (s.Peek == '[')
        {
            host = s.ReadUntilAny("]").ToString() + "]";
            if (s.End)
            {
                return false;
            }

            s.Position++;
        }
        else
        {
            host = s.ReadUntilAny(":;, \t").ToString();
        }

        if (!HostSyntax.IsValidHost(host))
        {
            return false;
        }

        int? port = null;
        if (s.TryConsume(':'))
        {
            s.SkipWs();
            var start = s.Position;
            while (char.IsAsciiDigit(s.Peek))
            {
                s.Position++;
            }

            if (!int.TryParse(s.Text[start..s.Position], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                return false;
            }

            port = p;
        }

        var parameters = new List<SipParameter>();
        if (!ParameterReader.TryRead(ref s, parameters) || !ValidParameters(parameters))
        {
            return false;
        }

        var protocol = name.Equals("SIP", StringComparison.OrdinalIgnoreCase) && version.SequenceEqual("2.0")
            ? "SIP/2.0" : name.ToString().ToUpperInvariant() + "/" + version.ToString();
        via = new SipVia(TransportName(transport), host, port, parameters, protocol);
        return true;
    }

    private static string TransportName(ReadOnlySpan<char> t)
    {
        foreach (var known in (ReadOnlySpan<string>)["UDP", "TCP", "TLS", "SCTP", "WS", "WSS"])
        {
            if (t.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return t.ToString().ToUpperInvariant();
    }

    private static bool ValidParameters(List<SipParameter> parameters)
    {
        foreach (var p in parameters)
        {
            var ok = p.Name.ToLowerInvariant() switch
            {
                "ttl" => byte.TryParse(p.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
                "rport" => p.Value is null || (ushort.TryParse(p.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _)),
                "received" => p.Value is not null && HostSyntax.IsIPAddress(p.Value),
                "branch" or "maddr" => !string.IsNullOrEmpty(p.Value),
                _ => true,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
