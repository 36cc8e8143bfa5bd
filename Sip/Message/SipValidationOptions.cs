using System.Collections.Frozen;

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
        Set("timer", "replaces", "100rel", "path", "outbound", "norefersub", "answermode"),
        Set("application/sdp", "multipart/mixed", "multipart/alternative", "message/sipfrag", "application/dtmf-relay", "text/plain"),
        Set("sip", "sips", "tel"),
        Set("identity"));

    /// <summary>An immutable, case-insensitive set for the options.</summary>
    public static IReadOnlySet<string> Set(params string[] values) => values.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
