using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Message;

/// <summary>Builds responses and the requests derived from others (RFC 3261 8.2.6, 9.1, 17.1.1.3).</summary>
public static class SipMessageFactory
{
    /// <summary>
    /// A response to <paramref name="request"/>: Via (all, in order), From, To (with <paramref name="toTag"/> added
    /// when To has none), Call-ID and CSeq copied; Timestamp copied for 100; Record-Route copied for 101-299;
    /// Content-Length 0.
    /// </summary>
    public static SipResponse CreateResponse(SipRequest request, int status, string? reason = null, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var w = new SipMessageWriter().StartLine(SipStatusLine.Format(status, reason));
        for (var i = 0; i < request.HeaderCount; i++)
        {
            var id = request.GetHeaderId(i);
            var copy = id is SipHeaderId.Via or SipHeaderId.From or SipHeaderId.CallId or SipHeaderId.CSeq
                || (id == SipHeaderId.Timestamp && status == 100)
                || (id == SipHeaderId.RecordRoute && status is > 100 and < 300);
            if (copy)
            {
                w.Copy(request, i);
            }
            else if (id == SipHeaderId.To)
            {
                var to = request.To;
                if (toTag is not null && to is not null && to.Tag is null)
                {
                    w.Header(SipHeaderId.To, request.GetHeaderValue(SipHeaderId.To) + ";tag=" + toTag);
                }
                else
                {
                    w.Copy(request, i);
                }
            }
        }

        return (SipResponse)w.ContentLength(0).Finish([]);
    }

    /// <summary>The ACK for a non-2xx final response to an INVITE (RFC 3261 17.1.1.3).</summary>
    public static SipRequest CreateAckForNon2xx(SipRequest invite, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(response);
        return DerivedRequest(invite, SipMethods.Ack, response.GetHeaderValue(SipHeaderId.To));
    }

    /// <summary>The CANCEL for a pending request (RFC 3261 9.1).</summary>
    public static SipRequest CreateCancel(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DerivedRequest(request, SipMethods.Cancel, null);
    }

    private static SipRequest DerivedRequest(SipRequest original, string method, string? toValue)
    {
        var w = new SipMessageWriter().StartLine(method + " " + original.RequestUriText + " SIP/2.0");
        var viaDone = false;
        for (var i = 0; i < original.HeaderCount; i++)
        {
            switch (original.GetHeaderId(i))
            {
                case SipHeaderId.Via when !viaDone:
                    viaDone = true;
                    if (original.TopVia is { } top)
                    {
                        w.Header(SipHeaderId.Via, top.ToString());
                    }

                    break;
                case SipHeaderId.To when toValue is not null:
                    w.Header(SipHeaderId.To, toValue);
                    break;
                case SipHeaderId.CSeq:
                    w.Header(SipHeaderId.CSeq, new SipCSeq(original.CSeq?.Number ?? 1, method).ToString());
                    break;
                case SipHeaderId.From or SipHeaderId.To or SipHeaderId.CallId or SipHeaderId.Route or SipHeaderId.MaxForwards:
                    w.Copy(original, i);
                    break;
            }
        }

        return (SipRequest)w.ContentLength(0).Finish([]);
    }
}
