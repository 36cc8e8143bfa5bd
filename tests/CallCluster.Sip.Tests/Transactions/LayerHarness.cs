using System.Net;
using CallCluster.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Sip.Tests.Transactions;

/// <summary>A transaction layer on virtual time, with a recording sink.</summary>
internal sealed class LayerHarness
{
    public static readonly TransactionPeer Udp = new("UDP", new IPEndPoint(IPAddress.Loopback, 5060));
    public static readonly TransactionPeer Tcp = new("TCP", new IPEndPoint(IPAddress.Loopback, 5060), 7);

    private readonly DateTimeOffset _origin;

    public LayerHarness(TransactionTimers? timers = null, int maxTransactions = 100_000, bool useAcceptedState = false)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _origin = Time.GetUtcNow();
        Sink = new RecordingSink(Time, _origin);
        Layer = new TransactionLayer(Time, Sink, timers, maxTransactions, useAcceptedState);
    }

    public FakeTimeProvider Time { get; }

    public RecordingSink Sink { get; }

    public TransactionLayer Layer { get; }

    /// <summary>Advances virtual time to <paramref name="ms"/> after the start, waking the layer at each deadline.</summary>
    public void RunUntil(double ms)
    {
        var target = _origin + TimeSpan.FromMilliseconds(ms);
        for (var guard = 0; guard < 10_000 && Layer.NextDeadline is { } due && due <= target; guard++)
        {
            if (due > Time.GetUtcNow())
            {
                Time.SetUtcNow(due);
            }

            Layer.ProcessDueTimers();
        }

        if (target > Time.GetUtcNow())
        {
            Time.SetUtcNow(target);
        }
    }
}
