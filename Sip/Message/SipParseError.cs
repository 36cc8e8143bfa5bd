namespace CallCluster.Sip.Message;

/// <summary>
/// Why a message was rejected: one <see cref="SipRejectReason"/> and a short text.
/// A rejected request is answered with <see cref="ToStatusCode"/>; a rejected response is dropped silently.
/// </summary>
public readonly record struct SipParseError(SipRejectReason Reason, string Detail, bool IsResponse)
{
    /// <summary>No error.</summary>
    public static SipParseError None => new(SipRejectReason.None, string.Empty, false);

    /// <summary>True when a reason is set.</summary>
    public bool IsError => Reason != SipRejectReason.None;

    /// <summary>True when the rejected message was a response, or when nothing should be sent back.</summary>
    public bool IsSilentDrop => IsError && (IsResponse || Reason == SipRejectReason.Empty);

    /// <summary>
    /// The status code of the answer to a rejected request, or null when the message is dropped
    /// silently (responses, empty input) or when there is no error.
    /// </summary>
    public int? ToStatusCode() => IsError && !IsSilentDrop ? StatusFor(Reason) : null;

    /// <summary>The status code a request rejected for <paramref name="reason"/> is answered with.</summary>
    public static int StatusFor(SipRejectReason reason) => reason switch
    {
        SipRejectReason.VersionNotSupported => 505,
        SipRejectReason.UnsupportedUriScheme => 416,
        SipRejectReason.BadExtension => 420,
        SipRejectReason.UnsupportedMediaType => 415,
        SipRejectReason.TooManyHops => 483,
        SipRejectReason.MessageTooLarge or SipRejectReason.MessageTooLargeToProcess => 513,
        _ => 400,
    };

    /// <inheritdoc />
    public override string ToString() => IsError ? $"{Reason}: {Detail}" : "None";
}
