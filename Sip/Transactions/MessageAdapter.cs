using CallCluster.Sip.Message;

namespace CallCluster.Sip.Transactions;

/// <summary>
/// The only place the transaction layer reads or builds messages: matching fields through the
/// message layer's typed accessors, and the few messages the layer writes itself (ACK for a
/// non-2xx, 100 Trying, local 408/503, 481/482).
/// </summary>
internal static class MessageAdapter
{
    public static bool TryRead(SipRequest request, out RequestFacts facts, out string error)
    {
        facts = null!;
        var via = request.TopVia;
        var cseq = request.CSeq;
        var callId = request.CallId;
        if (via is null || cseq is null || string.IsNullOrEmpty(callId))
        {
            error = "the request lacks a well-formed Via, CSeq or Call-ID";
            return false;
        }

        facts = new RequestFacts(
            request.Method, request.RequestUriText, via.Branch, via.SentBy, via.HasMagicCookie ? string.Empty : via.ToString(),
            callId, request.From?.Tag, request.To?.Tag, cseq.Number, cseq.Method);
        error = string.Empty;
        return true;
    }

    public static bool TryRead(SipResponse response, out ResponseFacts facts)
    {
        var via = response.TopVia;
        var cseq = response.CSeq;
        facts = new ResponseFacts(response.StatusCode, via?.Branch, cseq?.Method ?? string.Empty);
        return via is not null && cseq is not null;
    }

    /// <summary>A response the layer writes itself (100 Trying, local 408/503, 481, 482), without a To tag.</summary>
    public static SipResponse CreateResponse(SipRequest request, int status) => SipMessageFactory.CreateResponse(request, status);

    /// <summary>The ACK for a non-2xx final response (17.1.1.3), built by the message layer.</summary>
    public static SipRequest CreateAck(SipRequest invite, SipResponse response) => SipMessageFactory.CreateAckForNon2xx(invite, response);
}
