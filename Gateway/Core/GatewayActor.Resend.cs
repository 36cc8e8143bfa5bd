using Akka.Actor;

namespace CallCluster.Gateway.Core;

public sealed partial class GatewayActor
{
    private readonly Dictionary<long, ResentAsk> _resent = [];
    private long _lastResentAsk;

    /// <summary>
    /// Asks the session region for a command and sends it again every
    /// <see cref="Hosting.GatewaySettings.SessionResendInterval"/> until a reply comes or the entity
    /// timeout ends: a command sent while its session's node is being lost goes to that node and is
    /// lost with it, and the next copy reaches the session once the shard is re-homed. The commands
    /// sent this way are idempotent in the session: a new call's INVITE for a leg it already has is
    /// accepted once more, a second BYE for an ended leg is accepted, a repeated offer (re-INVITE,
    /// UPDATE) gets the same answer. The first reply wins. The copies after the first are
    /// <paramref name="resendAs"/> when given (a new call's INVITE no longer claims a new session).
    /// </summary>
    private void AskSessionResending(object command, Action<object?> then, object? resendAs = null)
    {
        var id = ++_lastResentAsk;
        _resent[id] = new ResentAsk(resendAs ?? command, then, Context.System.Scheduler.Now + _settings.EntityTimeout);
        SendCopy(id, command);
    }

    private void SendCopy(long id, object? first = null)
    {
        if (!_resent.TryGetValue(id, out var ask))
        {
            return;
        }

        var remaining = ask.Deadline - Context.System.Scheduler.Now;
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        _ports.Sessions.Ask<object>(first ?? ask.Command, remaining)
            .PipeTo(Self, success: r => new ResentReply(id, r), failure: _ => new ResentReply(id, null));
        if (remaining > _settings.SessionResendInterval)
        {
            Timers.StartSingleTimer(new ResendKey(id), new Resend(id), _settings.SessionResendInterval);
        }
    }

    /// <summary>The first reply completes the ask; a copy that timed out did so at the common deadline.</summary>
    private void OnResentReply(ResentReply reply)
    {
        if (!_resent.Remove(reply.Id, out var ask))
        {
            return;
        }

        Timers.Cancel(new ResendKey(reply.Id));
        ask.Then(reply.Reply);
    }

    private sealed record ResentAsk(object Command, Action<object?> Then, DateTimeOffset Deadline);

    private sealed record ResentReply(long Id, object? Reply);

    private sealed record Resend(long Id);

    private sealed record ResendKey(long Id);
}
