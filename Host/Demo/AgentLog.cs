using System.Collections.Concurrent;
using CallCluster.Terminal;

namespace CallCluster.Host.Demo;

/// <summary>Collects a terminal agent's events so the demo can wait for one that matches.</summary>
public sealed class AgentLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<TerminalEvent> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public AgentLog(string role, TerminalAgent agent)
    {
        Role = role;
        Agent = agent;
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in agent.Events.ReadAllAsync(_stop.Token))
                {
                    _events.Enqueue(e);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public string Role { get; }

    public TerminalAgent Agent { get; }

    /// <summary>Waits (bounded) for the first event of type <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    public async Task<T?> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout)
        where T : TerminalEvent
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_events.OfType<T>().FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(50);
        }
        return null;
    }

    /// <summary>Tones currently heard on every live call of the agent, as one set.</summary>
    public IReadOnlySet<int> CurrentTones() =>
        Agent.GetStats().Calls
            .Where(c => c.State != "ended")
            .SelectMany(c => c.Streams)
            .Where(s => s.Media == "audio")
            .SelectMany(s => s.CurrentTones)
            .ToHashSet();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
        await Agent.DisposeAsync();
    }
}
