using static CallCluster.Actors.Sessions.SessionCommands;
using static CallCluster.Actors.Sessions.SessionEffects;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Sessions;

internal static partial class SessionDecider
{
    private static ISessionReply OnInboundInvite(DecisionBuilder b, InboundInvite c)
    {
        var s = b.State;
        if (s.Leg(c.LegId) is not null)
        {
            return b.Accept();
        }

        if (!s.Exists)
        {
            var problem = CheckNewSession(c);
            if (problem is not null)
            {
                return b.Reject(400, problem);
            }

            // Home sessions mix three parties: media is always anchored for them.
            b.Emit(new SessionCreated(b.Id, c.Kind, c.Caller, c.AnchorMedia || c.Kind != SessionKind.Plain, b.Now));
            return AddPair(b, c);
        }

        if (s.IsOver)
        {
            return b.Reject(481, "session is over");
        }

        if (s.Kind != SessionKind.Home)
        {
            return b.Reject(486, "a plain call takes no second call");
        }

        if (s.Originator is null || !string.Equals(s.Originator.Uri, c.Caller.Uri, StringComparison.OrdinalIgnoreCase))
        {
            return b.Reject(403, "caller is not this home session's mobile");
        }

        if (s.Phase == SessionPhase.Bridged)
        {
            return b.Reject(486, "the mobile has left this home session");
        }

        if (c.TargetRole is not (LegRole.LocalTerminal or LegRole.Remote))
        {
            return b.Reject(400, "a home call targets a local terminal or a remote");
        }

        if (s.LiveLegs.Any(l => l.Role == c.TargetRole))
        {
            return b.Reject(486, c.TargetRole == LegRole.LocalTerminal
                ? "this home session already has a call to the local terminal"
                : "this home session already has a call to a remote");
        }

        return AddPair(b, c);
    }

    private static string? CheckNewSession(InboundInvite c) => c.Kind switch
    {
        SessionKind.Plain when c.TargetRole != LegRole.Callee => "a plain call targets a callee",
        SessionKind.Home when c.TargetRole is not (LegRole.LocalTerminal or LegRole.Remote) => "a home call targets a local terminal or a remote",
        SessionKind.ClickToCall => "click-to-call starts over HTTP",
        _ => null,
    };

    private static ISessionReply AddPair(DecisionBuilder b, InboundInvite c)
    {
        var outId = NextLegId(b.State, 1);
        var inRole = b.State.Kind == SessionKind.Plain ? LegRole.Caller : LegRole.Mobile;
        b.Emit(new LegAdded(b.Id, c.LegId, LegDirection.Inbound, inRole, c.Caller, outId, c.Dialog, c.Sdp, b.Now));
        b.Emit(new LegAdded(b.Id, outId, LegDirection.Outbound, c.TargetRole, c.Target, c.LegId, null, null, b.Now));
        if (b.State.AnchorMedia)
        {
            b.Do(new AllocateMedia(b.Id, c.LegId, ParticipantOf(b.LegNow(c.LegId)), c.Sdp, null));
            b.Do(new AllocateMedia(b.Id, outId, ParticipantOf(b.LegNow(outId)), null, null));
        }

        return b.Accept();
    }

    private static ISessionReply OnStartClickToCall(DecisionBuilder b, StartClickToCall c)
    {
        if (b.State.Exists)
        {
            return b.State.Kind == SessionKind.ClickToCall && b.State.Originator == c.Mobile
                ? b.Accept()
                : b.Reject(409, "session already exists");
        }

        b.Emit(new SessionCreated(b.Id, SessionKind.ClickToCall, c.Mobile, true, b.Now));
        (LegRole Role, Party Peer)[] legs = [(LegRole.Mobile, c.Mobile), (LegRole.LocalTerminal, c.LocalTerminal), (LegRole.Remote, c.Remote)];
        foreach (var (role, peer) in legs)
        {
            var id = NextLegId(b.State, 1);
            b.Emit(new LegAdded(b.Id, id, LegDirection.Outbound, role, peer, null, null, null, b.Now));
            b.Do(new AllocateMedia(b.Id, id, ParticipantOf(b.LegNow(id)), null, null));
        }

        return b.Accept();
    }

    /// <summary>Outbound leg ids are the session id and a running number: unique, and the same on every replay.</summary>
    internal static LegId NextLegId(SessionState s, int offset) => new($"{s.Id.Value}.{s.Legs.Count + offset}");
}
