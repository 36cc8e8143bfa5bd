namespace CallCluster.Actors.Sessions;

/// <summary>
/// Identity and auto-answer headers for outbound INVITEs. Auto-answer (RFC 5373 Answer-Mode,
/// Call-Info answer-after=0, Alert-Info alert-autoanswer) is added only toward a leg whose role
/// is <see cref="LegRole.LocalTerminal"/> in a home or click-to-call session; the gateway gives a
/// target that role only when it is bound to the authenticated mobile, so an unbound caller never
/// makes a terminal auto-answer. Plain calls carry none of these headers.
/// </summary>
internal static class InviteHeaders
{
    public const string AlertAutoAnswer = "<urn:alert:service:auto-answer>;info=alert-autoanswer";

    public static IReadOnlyList<SipHeader> For(SessionState s, LegState leg)
    {
        if (s.Kind == SessionKind.Plain || s.Originator is null || leg.Role == LegRole.Mobile)
        {
            return [];
        }

        var mobile = s.Originator.Uri;
        var asserted = new SipHeader("P-Asserted-Identity", $"<{mobile}>");
        return leg.Role == LegRole.LocalTerminal
            ?
            [
                asserted,
                new SipHeader("Answer-Mode", "Auto"),
                new SipHeader("Call-Info", $"<{mobile}>;answer-after=0"),
                new SipHeader("Alert-Info", AlertAutoAnswer),
            ]
            : [asserted];
    }

    /// <summary>
    /// The From party: the originator, except toward the mobile in click-to-call, where the
    /// remote is shown so the phone displays whom it is about to talk to.
    /// </summary>
    public static Party From(SessionState s, LegState leg)
    {
        if (s.Kind == SessionKind.ClickToCall && leg.Role == LegRole.Mobile)
        {
            return s.Legs.FirstOrDefault(l => l.Role == LegRole.Remote)?.Peer ?? leg.Peer;
        }

        return s.Originator ?? leg.Peer;
    }
}
