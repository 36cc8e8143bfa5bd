using System.Globalization;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

/// <summary>
/// Builds a request field by field. Header fields are written in the order they are set (Content-Type and
/// Content-Length last); CSeq takes the request's method. <see cref="Build"/> throws <see cref="ArgumentException"/>
/// when the parts do not form a valid message.
/// </summary>
public sealed class SipRequestBuilder(string method, SipUri requestUri)
{
    private readonly List<(string Name, string Value)> fields = [];
    private byte[] body = [];
    private string? contentType;

    /// <summary>Adds a Via value below the ones already added.</summary>
    public SipRequestBuilder Via(SipVia via) => Header("Via", via.ToString());

    /// <summary>Sets From.</summary>
    public SipRequestBuilder From(NameAddress from) => Set("From", from.ToString());

    /// <summary>Sets To.</summary>
    public SipRequestBuilder To(NameAddress to) => Set("To", to.ToString());

    /// <summary>Sets Call-ID.</summary>
    public SipRequestBuilder CallId(string callId) => Set("Call-ID", callId);

    /// <summary>Sets the CSeq number (the method is the request's).</summary>
    public SipRequestBuilder CSeq(int number) => Set("CSeq", new SipCSeq(number, method).ToString());

    /// <summary>Sets Max-Forwards.</summary>
    public SipRequestBuilder MaxForwards(int hops) => Set("Max-Forwards", hops.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a Contact.</summary>
    public SipRequestBuilder Contact(NameAddress contact) => Header("Contact", contact.ToString());

    /// <summary>Adds a Route value below the ones already added.</summary>
    public SipRequestBuilder Route(NameAddress route) => Header("Route", route.ToString());

    /// <summary>Adds any header field.</summary>
    public SipRequestBuilder Header(string name, string value)
    {
        fields.Add((name, value));
        return this;
    }

    /// <summary>Sets the body and its Content-Type.</summary>
    public SipRequestBuilder Body(ReadOnlySpan<byte> content, string type)
    {
        body = content.ToArray();
        contentType = type;
        return this;
    }

    /// <summary>Writes and indexes the request.</summary>
    public SipRequest Build()
    {
        if (!SipSyntax.IsToken(method))
        {
            throw new ArgumentException("method must be a token", nameof(method));
        }

        var w = new SipMessageWriter().StartLine(method + " " + requestUri + " SIP/2.0");
        foreach (var (name, value) in fields)
        {
            w.Header(name, value);
        }

        if (contentType is not null)
        {
            w.Header("Content-Type", contentType);
        }

        return (SipRequest)w.ContentLength(body.Length).Finish(body);
    }

    private SipRequestBuilder Set(string name, string value)
    {
        fields.RemoveAll(f => f.Name == name);
        fields.Add((name, value));
        return this;
    }
}
