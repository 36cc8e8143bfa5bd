using System.Collections.Immutable;
using static CallCluster.Actors.Calls.MobileCallsCommands;

namespace CallCluster.Actors.Calls;

/// <summary>
/// The joining rule of the home video call, pure. A new call of a mobile joins a live session of
/// the same mobile when
/// <list type="number">
/// <item>it carries a correlation token equal to that of one of the session's calls (explicit), or</item>
/// <item>it carries no token, and either the new call's target or one of the session's call
/// targets is a local terminal bound to the mobile (implicit; order does not matter).</item>
/// </list>
/// With several candidates the most recent session wins. Otherwise the call starts a new session.
/// A call whose session already holds a call of the same kind is still joined: the session then
/// refuses it with 486, which is the defined outcome of a second home session while one exists.
/// </summary>
public static class MobileCallsRules
{
    public static (string SessionId, bool Joined, ImmutableList<MobileCall> Calls) Place(
        ImmutableList<MobileCall> calls, PlaceCall c, DateTimeOffset now)
    {
        var existing = calls.Find(x => x.LegId == c.LegId);
        if (existing is not null)
        {
            return (existing.SessionId, existing.SessionId != c.NewSessionId, calls);
        }

        string? joined = null;
        if (!string.IsNullOrEmpty(c.Token))
        {
            joined = calls.LastOrDefault(x => string.Equals(x.Token, c.Token, StringComparison.Ordinal))?.SessionId;
        }
        else
        {
            joined = calls.LastOrDefault(x => x.TargetIsLocalTerminal || c.TargetIsLocalTerminal)?.SessionId;
        }

        var sessionId = joined ?? c.NewSessionId;
        var call = new MobileCall(sessionId, c.LegId, c.Target, c.TargetIsLocalTerminal, c.Token, now);
        return (sessionId, joined is not null, calls.Add(call));
    }

    /// <summary>Removes the ended call; leg id "*" removes every call of the session.</summary>
    public static ImmutableList<MobileCall> End(ImmutableList<MobileCall> calls, CallEnded c) =>
        calls.RemoveAll(x => x.SessionId == c.SessionId && (c.LegId == "*" || x.LegId == c.LegId));

    /// <summary>Forgets calls older than <paramref name="maxAge"/> (a lost end notice must not pin a session forever).</summary>
    public static ImmutableList<MobileCall> Expire(ImmutableList<MobileCall> calls, DateTimeOffset now, TimeSpan maxAge) =>
        calls.RemoveAll(x => now - x.Since > maxAge);
}
