namespace CallCluster.Sip.Message;

/// <summary>
/// Semantic checks a UAS or proxy makes after parsing (RFC 3261 8.2, 16.3, RFC 4475 section 3.3), in the
/// RFC's order: header grammar (400), Request-URI (416 / 400), Require (420), body type and encoding (415),
/// Max-Forwards when forwarding (483).
/// </summary>
public static class SipRequestValidator
{
    private static readonly SipHeaderId[] Checked =
    [
        SipHeaderId.Via, SipHeaderId.From, SipHeaderId.To, SipHeaderId.CallId, SipHeaderId.CSeq, SipHeaderId.MaxForwards,
        SipHeaderId.Contact, SipHeaderId.Route, SipHeaderId.RecordRoute, SipHeaderId.ContentType, SipHeaderId.ContentLength,
        SipHeaderId.Expires, SipHeaderId.Require, SipHeaderId.ProxyRequire, SipHeaderId.Supported, SipHeaderId.SessionExpires,
        SipHeaderId.MinSE, SipHeaderId.ReferTo, SipHeaderId.Replaces, SipHeaderId.PAssertedIdentity,
    ];

    /// <summary>Validates with <see cref="SipValidationOptions.Default"/>.</summary>
    public static bool TryValidate(SipRequest request, out SipParseError error) =>
        TryValidate(request, SipValidationOptions.Default, out error);

    /// <summary>True when the request may be processed; otherwise <paramref name="error"/> says which answer to send.</summary>
    public static bool TryValidate(SipRequest request, SipValidationOptions options, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var id in Checked)
        {
            if (!request.IsWellFormed(id))
            {
                return Fail(SipRejectReason.InvalidHeaderValue, "malformed " + SipHeaderNames.GetName(id), out error);
            }
        }

        var text = request.RequestUriText;
        var scheme = text[..text.IndexOf(':')];
        if (!options.SupportedUriSchemes.Contains(scheme))
        {
            return Fail(SipRejectReason.UnsupportedUriScheme, "Request-URI scheme " + scheme + " not supported", out error);
        }

        if (request.RequestUri is not { } uri || uri.Headers.Count > 0)
        {
            return Fail(SipRejectReason.InvalidRequestUri, "malformed Request-URI", out error);
        }

        if (request.Method is not (SipMethods.Ack or SipMethods.Cancel) && UnsupportedExtensions(request, options).Count > 0)
        {
            return Fail(SipRejectReason.BadExtension, "Require names an unsupported extension", out error);
        }

        if (!request.Body.IsEmpty && request.Method != SipMethods.Ack)
        {
            var type = request.ContentType;
            if (type is not null && !options.SupportedMediaTypes.Contains(type.MediaType))
            {
                return Fail(SipRejectReason.UnsupportedMediaType, "body type " + type.MediaType + " not supported", out error);
            }

            foreach (var encoding in request.ContentEncoding)
            {
                if (!options.SupportedContentEncodings.Contains(encoding))
                {
                    return Fail(SipRejectReason.UnsupportedMediaType, "content encoding " + encoding + " not supported", out error);
                }
            }
        }

        if (options.Forwarding && request.MaxForwards == 0)
        {
            return Fail(SipRejectReason.TooManyHops, "Max-Forwards reached 0", out error);
        }

        error = SipParseError.None;
        return true;
    }

    /// <summary>The option tags of Require (and of Proxy-Require when forwarding) that are not supported: the 420's Unsupported values.</summary>
    public static IReadOnlyList<string> UnsupportedExtensions(SipRequest request, SipValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var required = options.Forwarding ? request.Require.Concat(request.ProxyRequire) : request.Require;
        return required.Where(tag => !options.SupportedExtensions.Contains(tag)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The 4xx answer to a request that failed validation, with Unsupported (420) or Accept (415) filled in.</summary>
    public static SipResponse CreateRejection(SipRequest request, SipParseError error, SipValidationOptions options, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var status = error.ToStatusCode() ?? 400;
        var response = SipMessageFactory.CreateResponse(request, status, null, toTag);
        return error.Reason switch
        {
            SipRejectReason.BadExtension => response.AddHeader("Unsupported", string.Join(", ", UnsupportedExtensions(request, options))),
            SipRejectReason.UnsupportedMediaType => response
                .AddHeader("Accept", string.Join(", ", options.SupportedMediaTypes.Order(StringComparer.Ordinal)))
                .AddHeader("Accept-Encoding", string.Join(", ", options.SupportedContentEncodings.Order(StringComparer.Ordinal))),
            _ => response,
        };
    }

    private static bool Fail(SipRejectReason reason, string detail, out SipParseError error)
    {
        error = new SipParseError(reason, detail, false);
        return false;
    }
}
