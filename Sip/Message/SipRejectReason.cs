namespace CallCluster.Sip.Message;

/// <summary>Every reason a SIP message can be rejected, by the parser or by a validator.</summary>
public enum SipRejectReason : byte
{
    /// <summary>No rejection.</summary>
    None = 0,
    /// <summary>The input is empty or only blank lines.</summary>
    Empty,
    /// <summary>The message is larger than <see cref="SipParserLimits.MaxMessageSize"/>.</summary>
    MessageTooLarge,
    /// <summary>A line or header field is longer than <see cref="SipParserLimits.MaxLineLength"/>.</summary>
    LineTooLong,
    /// <summary>More header fields than <see cref="SipParserLimits.MaxHeaderCount"/>.</summary>
    TooManyHeaders,
    /// <summary>A line does not end in CRLF, or the header section never ends.</summary>
    InvalidLineEnding,
    /// <summary>The request line is malformed (method, spacing, Request-URI characters).</summary>
    InvalidRequestLine,
    /// <summary>The status line is malformed.</summary>
    InvalidStatusLine,
    /// <summary>The status code is not three digits between 100 and 699.</summary>
    InvalidStatusCode,
    /// <summary>The SIP version is well formed but not SIP/2.0.</summary>
    VersionNotSupported,
    /// <summary>A header line has no colon or an invalid name.</summary>
    InvalidHeaderLine,
    /// <summary>A header that may appear only once appears several times.</summary>
    DuplicateHeader,
    /// <summary>A mandatory header (Via, From, To, Call-ID, CSeq) is missing.</summary>
    MissingHeader,
    /// <summary>Content-Length is not a non-negative decimal that fits.</summary>
    InvalidContentLength,
    /// <summary>Content-Length promises more bytes than the message carries.</summary>
    BodyTruncated,
    /// <summary>CSeq is malformed, out of range, or its method differs from the request's.</summary>
    InvalidCSeq,
    /// <summary>Max-Forwards is not a number from 0 to 255.</summary>
    InvalidMaxForwards,
    /// <summary>Expires is not a delta-seconds value that fits in 32 bits.</summary>
    InvalidExpires,
    /// <summary>A header value does not follow its grammar (Via, From, To, Contact, ...).</summary>
    InvalidHeaderValue,
    /// <summary>The Request-URI is malformed.</summary>
    InvalidRequestUri,
    /// <summary>The Request-URI scheme is not supported (416).</summary>
    UnsupportedUriScheme,
    /// <summary>Require names an extension that is not supported (420).</summary>
    BadExtension,
    /// <summary>The body's type or encoding is not supported (415).</summary>
    UnsupportedMediaType,
    /// <summary>Max-Forwards reached zero on a request that would be forwarded (483).</summary>
    TooManyHops,
    /// <summary>The message is too large to be processed (513).</summary>
    MessageTooLargeToProcess,
    /// <summary>A response whose top Via sent-by is a broadcast or otherwise unusable address.</summary>
    InvalidViaSentBy,
}
