using System.Text;

namespace CallCluster.Sip.Message;

/// <summary>An immutable SIP request.</summary>
public sealed partial class SipRequest : SipMessage
{
    private string? method;
    private string? uriText;
    private SipUri? uri;

    internal SipRequest(ReadOnlyMemory<byte> raw, HeaderEntry[] headers, StartLineLayout startLine, int bodyStart)
        : base(raw, headers, startLine, bodyStart)
    {
    }

    /// <inheritdoc />
    public override bool IsRequest => true;

    /// <summary>The method (case-sensitive, as written).</summary>
    public string Method => method ??= SipMethods.FromBytes(Raw.Span[..StartLine.MethodLength]);

    /// <summary>The Request-URI as written.</summary>
    public string RequestUriText => uriText ??= Encoding.ASCII.GetString(Raw.Span.Slice(StartLine.UriStart, StartLine.UriLength));

    /// <summary>The parsed Request-URI, or null when it does not follow the URI grammar.</summary>
    public SipUri? RequestUri
    {
        get
        {
            if (uri is null && SipUri.TryParse(RequestUriText, out var parsed))
            {
                uri = parsed;
            }

            return uri;
        }
    }
}
