using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

public sealed partial class SipResponse
{
    /// <inheritdoc />
    public override SipResponse WithHeader(string name, string value) => (SipResponse)EditHeaders(name, value, EditKind.Replace);

    /// <inheritdoc />
    public override SipResponse AddHeader(string name, string value) => (SipResponse)EditHeaders(name, value, EditKind.Add);

    /// <inheritdoc />
    public override SipResponse AddHeaderFirst(string name, string value) => (SipResponse)EditHeaders(name, value, EditKind.AddFirst);

    /// <inheritdoc />
    public override SipResponse RemoveHeader(string name) => (SipResponse)EditHeaders(name, null, EditKind.Remove);

    /// <inheritdoc />
    public override SipResponse WithBody(ReadOnlySpan<byte> body, string? contentType) => (SipResponse)EditBody(body, contentType);

    /// <inheritdoc />
    public override SipResponse RemoveTopVia() => (SipResponse)EditTopVia(null);

    /// <inheritdoc />
    public override SipResponse WithTopVia(SipVia via) => (SipResponse)EditTopVia(via);

    /// <summary>A copy with another status code and reason phrase.</summary>
    public SipResponse WithStatus(int statusCode, string? reasonPhrase = null)
    {
        var w = new SipMessageWriter().StartLine(SipStatusLine.Format(statusCode, reasonPhrase));
        for (var i = 0; i < HeaderCount; i++)
        {
            w.Copy(this, i);
        }

        return (SipResponse)w.Finish(Body.Span);
    }
}
