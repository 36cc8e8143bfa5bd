using CallCluster.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Sip.Tests.Transactions;

/// <summary>Runs one state machine on virtual time and records what it did, and when.</summary>
internal sealed class MachineHarness
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly DateTimeOffset _origin;
    private readonly Dictionary<TransactionTimer, DateTimeOffset> _deadlines = [];

    public MachineHarness(TransactionStep start)
    {
        _origin = _time.GetUtcNow();
        Machine = start.State;
        Apply(start.Actions);
    }

    public TransactionMachine Machine { get; private set; }

    public List<(double AtMs, TransactionAction Action)> Log { get; } = [];

    public double NowMs => (_time.GetUtcNow() - _origin).TotalMilliseconds;

    public IReadOnlyCollection<TransactionTimer> RunningTimers => _deadlines.Keys;

    public void Feed(TransactionInput input)
    {
        var step = Machine.Handle(input);
        Machine = step.State;
        Apply(step.Actions);
    }

    /// <summary>Moves virtual time to <paramref name="ms"/> after the start, firing due timers in order.</summary>
    public void RunUntil(double ms)
    {
        var target = _origin + TimeSpan.FromMilliseconds(ms);
        for (var guard = 0; guard < 10_000; guard++)
        {
            var next = _deadlines.Where(d => d.Value <= target).OrderBy(d => d.Value).Select(d => (KeyValuePair<TransactionTimer, DateTimeOffset>?)d).FirstOrDefault();
            if (next is null)
            {
                break;
            }

            var (timer, at) = next.Value;
            if (at > _time.GetUtcNow())
            {
                _time.SetUtcNow(at);
            }

            _deadlines.Remove(timer);
            Feed(TransactionInput.Fired(timer));
        }

        if (target > _time.GetUtcNow())
        {
            _time.SetUtcNow(target);
        }
    }

    public double[] TimesOf<T>() where T : TransactionAction => Log.Where(l => l.Action is T).Select(l => l.AtMs).ToArray();

    public TransactionAction[] ActionsAt(double ms) => Log.Where(l => l.AtMs == ms).Select(l => l.Action).ToArray();

    private void Apply(IReadOnlyList<TransactionAction> actions)
    {
        foreach (var action in actions)
        {
            Log.Add((NowMs, action));
            switch (action)
            {
                case StartTimerAction start:
                    _deadlines[start.Timer] = _time.GetUtcNow() + start.Delay;
                    break;
                case CancelTimerAction cancel:
                    _deadlines.Remove(cancel.Timer);
                    break;
                case TerminateAction:
                    _deadlines.Clear();
                    break;
            }
        }
    }
}
