namespace CallCluster.Terminal.Tests;

/// <summary>Reads an agent's events with a bounded wait, keeping everything read for later checks.</summary>
internal sealed class EventWaiter(TerminalAgent agent)
{
    private readonly List<TerminalEvent> _seen = [];

    public IReadOnlyList<TerminalEvent> Seen => _seen;

    public async Task<T> WaitFor<T>(Func<T, bool>? match = null, int seconds = 20)
        where T : TerminalEvent
    {
        if (_seen.OfType<T>().FirstOrDefault(e => match?.Invoke(e) ?? true) is { } already)
        {
            return already;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await agent.Events.WaitToReadAsync(timeout.Token))
            {
                while (agent.Events.TryRead(out var e))
                {
                    _seen.Add(e);
                    if (e is T typed && (match?.Invoke(typed) ?? true))
                    {
                        return typed;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new Xunit.Sdk.XunitException($"{agent.Options.User}: no {typeof(T).Name} within {seconds}s; saw: {string.Join(", ", _seen.Select(e => e.Kind))}");
    }
}
