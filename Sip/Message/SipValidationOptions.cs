namespace CallCluster.Sip.Message;

/// <summary>What the receiving element supports, for <see cref="SipRequestValidator"/>.</summary>
/// <param name="SupportedExtensions">Option tags this element implements (Require is checked against them).</param>
/// <param name="SupportedMediaTypes">Body types understood ("type/subtype", lower case).</param>
/// <param name="SupportedUriSchemes">Request-URI schemes served.</param>
/// <param name="SupportedContentEncodings">Content-Encoding values understood ("identity" is always fine).</param>
/// <param name="Forwarding">True when the request would be forwarded (Max-Forwards 0 then gives 483; Proxy-Require is checked).</param>
public sealed record SipValidationOptions(
    IReadOnlySet<string> SupportedExtensions,
    IReadOnlySet<string> SupportedMediaTypes,
    IReadOnlySet<string> SupportedUriSchemes,
    IReadOnlySet<string> SupportedContentEncodings,
    bool Forwarding = false)
{
    /// <summary>A B2BUA's defaults: timer, replaces, 100rel, path, outbound; SDP, multipart/mixed, sipfrag, DTMF relay bodies; sip, sips, tel.</summary>
    public static SipValidationOptions Default { get; } = new(
        new HashSet<string>(["timer", "replaces", "100rel", "path", "outbound", "norefersub", "answermode"], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["application/sdp", "multipart/mixed", "multipart/alternative", "message/sipfrag", "application/dtmf-relay", "text/plain"], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["sip", "sips", "tel"], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["identity"], StringComparer.OrdinalIgnoreCase));
}
