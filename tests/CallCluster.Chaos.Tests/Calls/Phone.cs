using CallCluster.Terminal;

namespace CallCluster.Chaos.Tests.Calls;

/// <summary>A terminal agent plus every event it reported, read in the background.</summary>
public sealed class Phone : IAsyncDisposable
{
    private readonly List<TerminalEvent> _events = [];
    private readonly Lock _gate = new();
    private readonly Task _pump;

    private Phone(TerminalAgent agent)
    {
        Agent = agent;
        _pump = PumpAsync();
    }

    public TerminalAgent Agent { get; }

    public string User => Agent.Options.User;

    public IReadOnlyList<TerminalEvent> Events
    {
        get { lock (_gate) { return [.. _events]; } }
    }

    public static async Task<Phone> StartAsync(TerminalOptions options) => new(await TerminalAgent.StartAsync(options));

    /// <summary>The audio stream of the one call in progress, or null.</summary>
    public StreamStats? Audio() =>
        Agent.GetStats().Calls.FirstOrDefault(c => c.State == "established")?.Streams.FirstOrDefault(s => s.Media == "audio");

    public string? EstablishedCallId() =>
        Agent.GetStats().Calls.FirstOrDefault(c => c.State == "established")?.CallId;

    public CallEndedEvent? Ended(string callId) =>
        Events.OfType<CallEndedEvent>().FirstOrDefault(e => e.CallId == callId);

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        await Task.WhenAny(_pump, Task.Delay(TimeSpan.FromSeconds(5)));
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var e in Agent.Events.ReadAllAsync())
            {
                lock (_gate)
                {
                    _events.Add(e);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            // the agent stopped
        }
    }
}
