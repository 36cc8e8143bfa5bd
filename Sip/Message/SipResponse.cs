using System.Text;

namespace CallCluster.Sip.Message;

/// <summary>An immutable SIP response.</summary>
public sealed partial class SipResponse : SipMessage
{
    private string? reason;

    internal SipResponse(ReadOnlyMemory<byte> raw, HeaderEntry[] headers, StartLineLayout startLine, int bodyStart)
        : base(raw, headers, startLine, bodyStart)
    {
    }

    /// <inheritdoc />
    public override bool IsRequest => false;

    /// <summary>The status code (100 to 699).</summary>
    public int StatusCode => StartLine.StatusCode;

    /// <summary>The reason phrase (UTF-8 text, may be empty).</summary>
    public string ReasonPhrase => reason ??= Encoding.UTF8.GetString(Raw.Span.Slice(StartLine.ReasonStart, StartLine.ReasonLength));

    /// <summary>1xx.</summary>
    public bool IsProvisional => StatusCode < 200;

    /// <summary>2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>200 to 699.</summary>
    public bool IsFinal => StatusCode >= 200;
}
