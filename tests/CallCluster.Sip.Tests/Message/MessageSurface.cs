using CallCluster.Sip.Message;

namespace CallCluster.Sip.Tests.Message;

/// <summary>Reads every typed value of a message, so tests can prove none of them throws.</summary>
internal static class MessageSurface
{
    public static int TouchEverything(SipMessage m)
    {
        var n = 0;
        foreach (var h in m.Headers)
        {
            n += h.Value.Length + (int)h.Id;
        }

        n += m.Via.Count + (m.TopVia?.Branch?.Length ?? 0) + (m.TopVia?.RPort ?? 0) + (m.TopVia?.Ttl ?? 0);
        n += (m.From?.Tag?.Length ?? 0) + (m.To?.DisplayName?.Length ?? 0) + (m.From?.Uri.Host.Length ?? 0);
        n += (m.CallId?.Length ?? 0) + (m.CSeq?.Number ?? 0) + (m.MaxForwards ?? 0) + (m.ContentLength ?? 0);
        n += (int)(m.Expires ?? 0) + (int)(m.MinExpires ?? 0);
        n += m.Contact.Sum(c => (int)(c.Expires ?? 0) + (int)((c.Q ?? 0) * 10) + (c.Uri?.Parameters.Count ?? 0));
        n += m.Route.Count + m.RecordRoute.Count + m.Path.Count + m.PAssertedIdentity.Count + m.PPreferredIdentity.Count;
        n += (m.ContentType?.Parameters.Count ?? 0) + m.Accept.Count + m.ContentEncoding.Count;
        n += m.Supported.Count + m.Require.Count + m.ProxyRequire.Count + m.Unsupported.Count + m.Allow.Count;
        n += m.Authorization.Count + m.ProxyAuthorization.Count + m.WwwAuthenticate.Count + m.ProxyAuthenticate.Count;
        n += (int)(m.SessionExpires?.DeltaSeconds ?? 0) + (int)(m.MinSE ?? 0);
        n += (m.AnswerMode?.IsAuto == true ? 1 : 0) + (m.PrivAnswerMode?.IsRequired == true ? 1 : 0);
        n += m.CallInfo.Count + m.AlertInfo.Count + m.ErrorInfo.Count + m.Reason.Sum(r => r.Cause ?? 0);
        n += (m.ReferTo?.Uri.Headers.Count ?? 0) + (m.ReferredBy?.Parameters.Count ?? 0) + (m.Replaces?.EarlyOnly == true ? 1 : 0);
        foreach (var id in Enum.GetValues<SipHeaderId>())
        {
            n += m.IsWellFormed(id) ? 1 : 0;
        }

        n += m.ToString().Length + m.Body.Length;
        if (m.ContentType?.Boundary is { } boundary && SipMultipartBody.TryParse(m.Body, boundary, out var parts))
        {
            n += parts.Sum(p => p.Content.Length + p.Headers.Count);
        }

        switch (m)
        {
            case SipRequest r:
                n += r.Method.Length + r.RequestUriText.Length + (r.RequestUri?.Parameters.Count ?? 0);
                n += SipRequestValidator.TryValidate(r, out var e) ? 1 : (int)e.Reason;
                n += SipRequestValidator.UnsupportedExtensions(r, SipValidationOptions.Default).Count;
                break;
            case SipResponse s:
                n += s.StatusCode + s.ReasonPhrase.Length;
                n += SipResponseValidator.TryValidate(s, out var re) ? 1 : (int)re.Reason;
                break;
        }

        return n;
    }
}
