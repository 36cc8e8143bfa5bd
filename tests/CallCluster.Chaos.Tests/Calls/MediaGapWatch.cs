namespace CallCluster.Chaos.Tests.Calls;

/// <summary>
/// Started right after a fault: polls every phone's audio every 10 ms and records, per phone, the
/// longest interval after the fault in which its received-packet count did not grow (the media
/// gap: packets already queued when the fault happened are not mistaken for packets of the new
/// path) and when that interval ended, plus the first "reinvited" event after the fault (a
/// re-INVITE from the session answered by the phone). Stops on dispose or after its bound.
/// </summary>
public sealed class MediaGapWatch : IAsyncDisposable
{
    private readonly Dictionary<Phone, long> _countAtStart;
    private readonly Dictionary<Phone, (long Count, DateTimeOffset At)> _last = [];
    private readonly Dictionary<Phone, (TimeSpan Silence, DateTimeOffset EndedAt)> _gaps = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    public MediaGapWatch(IReadOnlyList<Phone> phones, DateTimeOffset faultAt, TimeSpan bound)
    {
        FaultAt = faultAt;
        Phones = phones;
        _countAtStart = phones.ToDictionary(p => p, p => p.Audio()?.PacketsReceived ?? 0);
        foreach (var phone in phones)
        {
            _last[phone] = (_countAtStart[phone], faultAt);
        }
        _stop = new CancellationTokenSource(bound);
        _loop = PollAsync(_stop.Token);
    }

    public DateTimeOffset FaultAt { get; }

    public IReadOnlyList<Phone> Phones { get; }

    /// <summary>The longest interval without a received packet since the fault (ended by a packet), or null when none came.</summary>
    public TimeSpan? Gap(Phone phone)
    {
        lock (_gate)
        {
            return _gaps.TryGetValue(phone, out var gap) ? gap.Silence : null;
        }
    }

    /// <summary>Time from the fault to the packet that ended the longest silence, or null.</summary>
    public TimeSpan? Resumed(Phone phone)
    {
        lock (_gate)
        {
            return _gaps.TryGetValue(phone, out var gap) ? gap.EndedAt - FaultAt : null;
        }
    }

    /// <summary>Packets received since the watch started.</summary>
    public long ReceivedSince(Phone phone) => (phone.Audio()?.PacketsReceived ?? 0) - _countAtStart[phone];

    /// <summary>Time from the fault to the phone's first answered re-INVITE after it, or null.</summary>
    public TimeSpan? FirstReinviteAnswered(Phone phone) =>
        phone.Events.OfType<CallCluster.Terminal.CallStateEvent>()
            .Where(e => e.State == "reinvited" && e.Time >= FaultAt)
            .Select(e => (TimeSpan?)(e.Time - FaultAt))
            .Min();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task PollAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var phone in Phones)
            {
                var count = phone.Audio()?.PacketsReceived ?? 0;
                lock (_gate)
                {
                    var last = _last[phone];
                    if (count <= last.Count)
                    {
                        continue;
                    }
                    var silence = now - last.At;
                    if (!_gaps.TryGetValue(phone, out var longest) || silence > longest.Silence)
                    {
                        _gaps[phone] = (silence, now);
                    }
                    _last[phone] = (count, now);
                }
            }
            try
            {
                await Task.Delay(10, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
