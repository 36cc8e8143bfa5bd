namespace CallCluster.Sip.Transport;

/// <summary>Per-message limits applied while framing a stream.</summary>
/// <param name="MaxHeaderBytes">Longest header section (start line and headers, without the blank line).</param>
/// <param name="MaxMessageBytes">Longest whole message, header section plus body.</param>
public sealed record SipFramerLimits(int MaxHeaderBytes = 16 * 1024, int MaxMessageBytes = 64 * 1024)
{
    /// <summary>16 KiB of headers, 64 KiB per message.</summary>
    public static SipFramerLimits Default { get; } = new();
}

/// <summary>Result of <see cref="SipStreamFramer.TryRead"/>, in the manner of Kestrel's parser.</summary>
public enum SipFrameStatus
{
    /// <summary>A whole frame is available; advance the reader to <see cref="SipFrame.End"/>.</summary>
    Done,

    /// <summary>Nothing is consumed; read more bytes and try again.</summary>
    NeedMoreData,

    /// <summary>The stream cannot be framed any more: close the connection.</summary>
    Invalid,
}

/// <summary>What a frame holds.</summary>
public enum SipFrameKind
{
    /// <summary>A SIP message: header section and a body of Content-Length bytes.</summary>
    Message,

    /// <summary>A double CRLF keep-alive ping (RFC 5626 section 3.5.1): answer with a single CRLF.</summary>
    Ping,

    /// <summary>A single CRLF before something else: a pong, or a stray CRLF before a message; ignore.</summary>
    Pong,
}

/// <summary>Why a stream could not be framed.</summary>
public enum SipFrameError
{
    None,
    MissingContentLength,
    BadContentLength,
    HeaderSectionTooLarge,
    MessageTooLarge,
}
