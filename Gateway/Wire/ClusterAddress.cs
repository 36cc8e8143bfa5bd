using System.Text;
using CallCluster.Actors.Sessions;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Gateway.Wire;

/// <summary>
/// The addresses the cluster hands out, carrying the session and leg they belong to, so that any
/// gateway node can route an in-dialog request or a response without remembering the dialog:
/// the Contact <c>sip:gw@ADVERTISED;cc-s=SESSION;cc-l=LEG</c> and the Via branch
/// <c>z9hG4bKcc~SESSION~LEG~NONCE</c> (ids hex-escaped when they hold other characters).
/// </summary>
public sealed class ClusterAddress(string host, int port)
{
    public const string BranchPrefix = "z9hG4bKcc~";

    /// <summary>Start of the dialog tags we give inbound legs (<c>cc~SESSION~LEG~NONCE</c>).</summary>
    public const string TagPrefix = "cc~";
    public const string SessionParameter = "cc-s";
    public const string LegParameter = "cc-l";

    public string Host { get; } = host;

    public int Port { get; } = port;

    /// <summary>host:port as put in Via sent-by.</summary>
    public string SentBy => Host.Contains(':') && !Host.StartsWith('[') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>The Contact URI of one leg.</summary>
    public string ContactFor(SessionId session, LegId leg) =>
        $"sip:gw@{SentBy};{SessionParameter}={Escape(session.Value)};{LegParameter}={Escape(leg.Value)}";

    /// <summary>A fresh branch for a request we send for <paramref name="leg"/> of <paramref name="session"/>.</summary>
    public static string BranchFor(SessionId session, LegId leg, string nonce) =>
        $"{BranchPrefix}{Escape(session.Value)}~{Escape(leg.Value)}~{nonce}";

    /// <summary>Session and leg of a Request-URI this cluster handed out as Contact.</summary>
    public static bool TryReadUri(SipUri? uri, out SessionId? session, out LegId? leg)
    {
        session = null;
        leg = null;
        var s = uri?.Parameters.GetParameter(SessionParameter);
        var l = uri?.Parameters.GetParameter(LegParameter);
        if (Unescape(s) is not { } sv || Unescape(l) is not { } lv)
        {
            return false;
        }

        session = new SessionId(sv);
        leg = new LegId(lv);
        return true;
    }

    /// <summary>Session and leg of one of our branches.</summary>
    public static bool TryReadBranch(string? branch, out SessionId? session, out LegId? leg)
    {
        session = null;
        leg = null;
        if (branch is null || !branch.StartsWith(BranchPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = branch[BranchPrefix.Length..].Split('~');
        if (parts.Length != 3 || Unescape(parts[0]) is not { } s || Unescape(parts[1]) is not { } l)
        {
            return false;
        }

        session = new SessionId(s);
        leg = new LegId(l);
        return true;
    }

    /// <summary>
    /// Our tag for an inbound leg's dialog (the To tag we answer with). It names the session and
    /// leg, so an in-dialog request that reaches us without our Contact as its Request-URI (a peer
    /// that sends BYE or ACK to the address it first called) is still routed, by any node.
    /// </summary>
    public static string TagFor(SessionId session, LegId leg, string nonce) =>
        $"{TagPrefix}{Escape(session.Value)}~{Escape(leg.Value)}~{nonce}";

    /// <summary>Session and leg of one of our dialog tags.</summary>
    public static bool TryReadTag(string? tag, out SessionId? session, out LegId? leg)
    {
        session = null;
        leg = null;
        if (tag is null || !tag.StartsWith(TagPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = tag[TagPrefix.Length..].Split('~');
        if (parts.Length != 3 || Unescape(parts[0]) is not { } s || Unescape(parts[1]) is not { } l)
        {
            return false;
        }

        session = new SessionId(s);
        leg = new LegId(l);
        return true;
    }

    /// <summary>Session and leg of an in-dialog request: from its Request-URI (our Contact), else from its To tag (ours).</summary>
    public static bool TryReadInDialog(SipRequest request, out SessionId? session, out LegId? leg) =>
        TryReadUri(request.RequestUri, out session, out leg) || TryReadTag(request.To?.Tag, out session, out leg);

    /// <summary>Ids made of letters, digits, '.', '-' and '_' go as they are; others as "x" + hex of UTF-8.</summary>
    internal static string Escape(string id) =>
        id.Length > 0 && id.Length <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') && id[0] != 'x'
            ? id
            : "x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(id));

    internal static string? Unescape(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 300)
        {
            return null;
        }

        if (text[0] != 'x')
        {
            return text;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromHexString(text.AsSpan(1)));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
