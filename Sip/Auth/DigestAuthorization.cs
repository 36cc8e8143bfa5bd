using System.Globalization;
using System.Text;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Auth;

/// <summary>
/// Digest credentials sent by a client, the value of an Authorization or Proxy-Authorization
/// header (RFC 3261 section 22.4, RFC 7616 section 3.4).
/// </summary>
/// <param name="NonceCount">nc as 8 hex digits; null without qop.</param>
public sealed record DigestAuthorization(
    string Username,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    DigestAlgorithm Algorithm,
    string? Qop,
    string? NonceCount,
    string? Cnonce,
    string? Opaque)
{
    /// <summary>Formats the header value: <c>Digest username="..", realm="..", ...</c>.</summary>
    public string ToHeaderValue()
    {
        var b = new StringBuilder("Digest ");
        AuthParameters.AppendQuoted(b, "username", Username);
        b.Append(", ");
        AuthParameters.AppendQuoted(b, "realm", Realm);
        b.Append(", ");
        AuthParameters.AppendQuoted(b, "nonce", Nonce);
        b.Append(", ");
        AuthParameters.AppendQuoted(b, "uri", Uri);
        b.Append(", ");
        AuthParameters.AppendQuoted(b, "response", Response);
        b.Append(", algorithm=").Append(Algorithm.ToToken());
        if (Cnonce is not null)
        {
            b.Append(", ");
            AuthParameters.AppendQuoted(b, "cnonce", Cnonce);
        }
        if (Opaque is not null)
        {
            b.Append(", ");
            AuthParameters.AppendQuoted(b, "opaque", Opaque);
        }
        if (Qop is not null) b.Append(", qop=").Append(Qop);
        if (NonceCount is not null) b.Append(", nc=").Append(NonceCount);
        return b.ToString();
    }

    /// <summary>nc parsed as an unsigned number; false when absent or not 8 hex digits.</summary>
    public bool TryGetNonceCount(out uint value)
    {
        value = 0;
        return NonceCount is { Length: 8 }
            && uint.TryParse(NonceCount, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Parses a credentials header value. False with a reason when it is not Digest or lacks
    /// username, realm, nonce, uri or response. An unknown algorithm is a failure as well.
    /// </summary>
    public static bool TryParse(string? value, out DigestAuthorization? authorization, out string error)
    {
        authorization = null;
        if (!AuthParameters.TryParse(value, out var header, out error)) return false;
        return TryFrom(header!, out authorization, out error);
    }

    /// <summary>Reads a value already parsed by the message layer (e.g. from <c>SipMessage.Authorization</c>).</summary>
    public static bool TryFrom(SipAuthHeader header, out DigestAuthorization? authorization, out string error)
    {
        authorization = null;
        if (!AuthParameters.TryGetDigestParameters(header, out var p, out error)) return false;
        foreach (var required in Required)
        {
            if (!p.ContainsKey(required)) { error = $"missing {required}"; return false; }
        }
        var algorithm = DigestAlgorithm.Md5;
        if (p.TryGetValue("algorithm", out var token) && !DigestAlgorithms.TryParse(token, out algorithm))
        {
            error = $"unsupported algorithm {token}";
            return false;
        }
        authorization = new DigestAuthorization(
            p["username"], p["realm"], p["nonce"], p["uri"], p["response"], algorithm,
            p.GetValueOrDefault("qop"), p.GetValueOrDefault("nc"), p.GetValueOrDefault("cnonce"),
            p.GetValueOrDefault("opaque"));
        return true;
    }

    private static readonly IReadOnlyList<string> Required = ["username", "realm", "nonce", "uri", "response"];
}
