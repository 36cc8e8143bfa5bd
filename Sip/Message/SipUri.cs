using System.Globalization;
using System.Text;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

/// <summary>
/// An immutable URI: sip/sips (RFC 3261 19.1), tel (RFC 3966) or any other absolute URI kept opaque.
/// <see cref="User"/> and <see cref="Password"/> are unescaped; <see cref="ToString"/> gives the text as written.
/// </summary>
public sealed partial class SipUri : IEquatable<SipUri>
{
    private readonly string text;

    private SipUri(string text, string scheme, string? user, string? password, string host, int? port,
        IReadOnlyList<SipParameter> parameters, IReadOnlyList<SipParameter> headers)
    {
        this.text = text;
        Scheme = scheme;
        User = user;
        Password = password;
        Host = host;
        Port = port;
        Parameters = parameters;
        Headers = headers;
    }

    /// <summary>Lower-case scheme ("sip", "sips", "tel", ...).</summary>
    public string Scheme { get; }

    /// <summary>Unescaped user part (the number for tel URIs); null when absent.</summary>
    public string? User { get; }

    /// <summary>Unescaped password; null when absent.</summary>
    public string? Password { get; }

    /// <summary>Host as written (IPv6 references keep their brackets); empty for tel and opaque URIs.</summary>
    public string Host { get; }

    /// <summary>Explicit port, if any.</summary>
    public int? Port { get; }

    /// <summary>URI parameters (values as written, escapes kept).</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>URI headers after "?" (values as written, escapes kept).</summary>
    public IReadOnlyList<SipParameter> Headers { get; }

    /// <summary>sip or sips.</summary>
    public bool IsSip => Scheme is "sip" or "sips";

    /// <summary>sips.</summary>
    public bool IsSecure => Scheme == "sips";

    /// <summary>tel.</summary>
    public bool IsTel => Scheme == "tel";

    /// <summary>True when the host is a bracketed IPv6 reference.</summary>
    public bool IsIPv6Host => Host.StartsWith('[');

    /// <summary>The text after "scheme:" for opaque URIs (and for any URI).</summary>
    public string SchemeSpecificPart => text[(text.IndexOf(':') + 1)..];

    /// <summary>The transport parameter, if any.</summary>
    public string? Transport => Parameters.GetParameter("transport");

    /// <summary>The maddr parameter, if any.</summary>
    public string? Maddr => Parameters.GetParameter("maddr");

    /// <summary>The user parameter ("phone", "ip"), if any.</summary>
    public string? UserParameter => Parameters.GetParameter("user");

    /// <summary>True when the lr parameter is present (loose routing).</summary>
    public bool LooseRouting => Parameters.HasParameter("lr");

    /// <summary>Host and port as "host[:port]".</summary>
    public string HostPort => Port is { } p ? Host + ":" + p.ToString(CultureInfo.InvariantCulture) : Host;

    /// <summary>Builds a sip or sips URI, escaping the user part as needed.</summary>
    public static SipUri Sip(string? user, string host, int? port = null, bool secure = false, IReadOnlyList<SipParameter>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        if (!HostSyntax.IsValidHost(host) || port is < 0 or > 65535)
        {
            throw new ArgumentException("invalid host or port", nameof(host));
        }

        return Build(secure ? "sips" : "sip", user, null, host, port, parameters ?? [], []);
    }

    /// <summary>A copy with the parameter set (replacing a former value).</summary>
    public SipUri WithParameter(string name, string? value = null) =>
        Build(Scheme, User, Password, Host, Port, Parameters.WithParameter(name, value), Headers);

    /// <summary>A copy without the named parameter.</summary>
    public SipUri WithoutParameter(string name) =>
        Build(Scheme, User, Password, Host, Port, Parameters.WithoutParameter(name), Headers);

    /// <summary>A copy with another user part (sip/sips only).</summary>
    public SipUri WithUser(string? user) => Build(Scheme, user, Password, Host, Port, Parameters, Headers);

    /// <summary>A copy with another host and port (sip/sips only).</summary>
    public SipUri WithHostPort(string host, int? port) => Build(Scheme, User, Password, host, port, Parameters, Headers);

    /// <summary>A copy without URI headers.</summary>
    public SipUri WithoutHeaders() => Build(Scheme, User, Password, Host, Port, Parameters, []);

    /// <summary>The URI text.</summary>
    public override string ToString() => text;

    private static SipUri Build(string scheme, string? user, string? password, string host, int? port,
        IReadOnlyList<SipParameter> parameters, IReadOnlyList<SipParameter> headers)
    {
        if (!(scheme is "sip" or "sips" or "tel"))
        {
            throw new InvalidOperationException("only sip, sips and tel URIs can be rebuilt");
        }

        var sb = new StringBuilder(scheme).Append(':');
        if (scheme == "tel")
        {
            sb.Append(user);
        }
        else
        {
            if (!string.IsNullOrEmpty(user))
            {
                sb.Append(UriEscaping.Escape(user, UriEscaping.IsUserChar));
                if (password is not null)
                {
                    sb.Append(':').Append(UriEscaping.Escape(password, UriEscaping.IsPasswordChar));
                }

                sb.Append('@');
            }

            sb.Append(host);
            if (port is { } p)
            {
                sb.Append(':').Append(p.ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (var prm in parameters)
        {
            sb.Append(';').Append(UriEscaping.Escape(prm.Name, UriEscaping.IsParamChar));
            if (prm.Value is not null)
            {
                sb.Append('=').Append(UriEscaping.AllOf(prm.Value, UriEscaping.IsParamChar) ? prm.Value : UriEscaping.Escape(prm.Value, UriEscaping.IsParamChar));
            }
        }

        for (var i = 0; i < headers.Count; i++)
        {
            sb.Append(i == 0 ? '?' : '&').Append(headers[i].Name).Append('=').Append(headers[i].Value);
        }

        var built = sb.ToString();
        return TryParse(built, out var uri) ? uri : throw new ArgumentException("the URI parts do not form a valid URI: " + built);
    }
}
