using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

public sealed partial class SipRequest
{
    /// <inheritdoc />
    public override SipRequest WithHeader(string name, string value) => (SipRequest)EditHeaders(name, value, EditKind.Replace);

    /// <inheritdoc />
    public override SipRequest AddHeader(string name, string value) => (SipRequest)EditHeaders(name, value, EditKind.Add);

    /// <inheritdoc />
    public override SipRequest AddHeaderFirst(string name, string value) => (SipRequest)EditHeaders(name, value, EditKind.AddFirst);

    /// <inheritdoc />
    public override SipRequest RemoveHeader(string name) => (SipRequest)EditHeaders(name, null, EditKind.Remove);

    /// <inheritdoc />
    public override SipRequest WithBody(ReadOnlySpan<byte> body, string? contentType) => (SipRequest)EditBody(body, contentType);

    /// <inheritdoc />
    public override SipRequest RemoveTopVia() => (SipRequest)EditTopVia(null);

    /// <inheritdoc />
    public override SipRequest WithTopVia(SipVia via) => (SipRequest)EditTopVia(via);

    /// <summary>A copy with a new top Via (as a proxy or B2BUA leg adds its own).</summary>
    public SipRequest AddTopVia(SipVia via) => AddHeaderFirst("Via", via.ToString());

    /// <summary>A copy with another Request-URI.</summary>
    public SipRequest WithRequestUri(SipUri uri) => WithStartLine(Method, uri.ToString());

    /// <summary>A copy with another method in the request line and the CSeq (for ACK or CANCEL built from an INVITE).</summary>
    public SipRequest WithMethod(string method)
    {
        if (!SipSyntax.IsToken(method))
        {
            throw new ArgumentException("method must be a token", nameof(method));
        }

        var request = WithStartLine(method, RequestUriText);
        return CSeq is { } cseq ? request.WithHeader("CSeq", new SipCSeq(cseq.Number, method).ToString()) : request;
    }

    /// <summary>A copy with Max-Forwards decreased by one (70 when absent).</summary>
    public SipRequest WithDecrementedMaxForwards() =>
        WithHeader("Max-Forwards", ((MaxForwards ?? 71) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private SipRequest WithStartLine(string method, string uri)
    {
        var w = new SipMessageWriter().StartLine(method + " " + uri + " SIP/2.0");
        for (var i = 0; i < HeaderCount; i++)
        {
            if (method != Method && GetHeaderId(i) == SipHeaderId.CSeq)
            {
                w.Header(SipHeaderId.CSeq, new SipCSeq(CSeq?.Number ?? 1, method).ToString());
                continue;
            }

            w.Copy(this, i);
        }

        return (SipRequest)w.Finish(Body.Span);
    }
}
