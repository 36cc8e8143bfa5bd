namespace CallCluster.Sip.Message;

/// <summary>Bounds the parser enforces on every message.</summary>
/// <param name="MaxMessageSize">Largest accepted message in bytes (start line, headers and body).</param>
/// <param name="MaxHeaderCount">Largest number of header fields.</param>
/// <param name="MaxLineLength">Longest start line or header field (after folding) in bytes.</param>
public sealed record SipParserLimits(int MaxMessageSize = 65_535, int MaxHeaderCount = 128, int MaxLineLength = 8_192)
{
    /// <summary>Defaults: 64 KiB messages, 128 header fields, 8 KiB lines.</summary>
    public static SipParserLimits Default { get; } = new();
}
