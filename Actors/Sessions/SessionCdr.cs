using CallCluster.Actors.Cdr;

namespace CallCluster.Actors.Sessions;

/// <summary>Builds the one CDR of an ended session from its state (the same record on every retry and after recovery).</summary>
public static class SessionCdr
{
    public static CdrRecord Build(SessionState s)
    {
        var start = s.CreatedAt ?? s.EndedAt ?? DateTimeOffset.UnixEpoch;
        var end = s.EndedAt ?? start;
        var parties = new List<string>();
        if (s.Originator is not null)
        {
            parties.Add(s.Originator.Uri);
        }

        parties.AddRange(s.Legs.Select(l => l.Peer.Uri).Where(u => !parties.Contains(u, StringComparer.OrdinalIgnoreCase)));
        var legs = s.Legs.Select(l => new CdrLeg(RoleText(l.Role), l.Peer.Uri, l.AnsweredAt, l.EndedAt, l.EndCause is { } c ? CauseText(c, l.EndStatus) : null)).ToList();
        var duration = s.AnsweredAt is { } answered && end > answered ? end - answered : TimeSpan.Zero;
        return new CdrRecord(s.Id.Value, KindText(s), parties, legs, start, s.AnsweredAt, end, duration,
            (s.EndReason ?? SessionEndReason.NormalClearing).ToCdrText());
    }

    /// <summary><c>plain</c>, <c>transit</c> (trunk to trunk), <c>home</c> or <c>click-to-call</c>.</summary>
    public static string KindText(SessionState s) => s.Kind switch
    {
        SessionKind.Home => "home",
        SessionKind.ClickToCall => "click-to-call",
        _ when s.Legs.Count > 0 && s.Legs.All(l => l.Peer.Kind == PartyKind.Trunk) => "transit",
        _ => "plain",
    };

    public static string RoleText(LegRole role) => role switch
    {
        LegRole.Mobile => "mobile",
        LegRole.LocalTerminal => "local",
        LegRole.Remote => "remote",
        LegRole.Caller => "caller",
        _ => "callee",
    };

    private static string CauseText(LegEndCause cause, int? status) => cause switch
    {
        LegEndCause.ByeReceived => "bye-received",
        LegEndCause.ByeSent => "bye-sent",
        LegEndCause.CancelReceived => "cancel-received",
        LegEndCause.CancelSent => "cancel-sent",
        LegEndCause.Rejected => $"rejected-{status}",
        LegEndCause.RejectedByCluster => $"refused-{status}",
        LegEndCause.SessionTimerExpired => "session-timer",
        LegEndCause.MediaSilence => "media-silence",
        _ => "abandoned",
    };
}
