namespace CallCluster.Sip.Transactions;

/// <summary>
/// RFC 3261 timer values (section 17, table 4). T1, T2 and T4 are configurable; every other
/// timer is derived from them. Reliable transports (TCP, TLS) get zero for timers D, I, J and K
/// and no retransmission timers (A, E, G).
/// </summary>
public sealed record TransactionTimers
{
    /// <summary>RFC 3261 defaults: T1 500 ms, T2 4 s, T4 5 s, provisional delay 200 ms.</summary>
    public static TransactionTimers Default { get; } = new(
        TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>Creates a timer set; throws <see cref="ArgumentOutOfRangeException"/> for inconsistent values.</summary>
    public TransactionTimers(TimeSpan t1, TimeSpan t2, TimeSpan t4, TimeSpan? provisionalDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(t1, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(t2, t1);
        ArgumentOutOfRangeException.ThrowIfLessThan(t4, TimeSpan.Zero);
        var provisional = provisionalDelay ?? TimeSpan.FromMilliseconds(200);
        ArgumentOutOfRangeException.ThrowIfLessThan(provisional, TimeSpan.Zero);
        T1 = t1;
        T2 = t2;
        T4 = t4;
        ProvisionalDelay = provisional;
    }

    /// <summary>RTT estimate (default 500 ms).</summary>
    public TimeSpan T1 { get; }

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses (default 4 s).</summary>
    public TimeSpan T2 { get; }

    /// <summary>Maximum duration a message remains in the network (default 5 s).</summary>
    public TimeSpan T4 { get; }

    /// <summary>Delay after which a server INVITE transaction sends 100 Trying itself (default 200 ms).</summary>
    public TimeSpan ProvisionalDelay { get; }

    /// <summary>64*T1: timers B, F, H and J (unreliable).</summary>
    public TimeSpan Timeout => T1 * 64;

    /// <summary>Initial value of timer A (INVITE retransmit), T1.</summary>
    public TimeSpan TimerA => T1;

    /// <summary>Timer B, INVITE transaction timeout, 64*T1.</summary>
    public TimeSpan TimerB => Timeout;

    /// <summary>Timer D: at least 32 s (and never below 64*T1) for unreliable transports, zero for reliable ones.</summary>
    public TimeSpan TimerD(bool reliable)
    {
        if (reliable)
        {
            return TimeSpan.Zero;
        }

        var floor = TimeSpan.FromSeconds(32);
        return Timeout > floor ? Timeout : floor;
    }

    /// <summary>Initial value of timer E (non-INVITE retransmit), T1.</summary>
    public TimeSpan TimerE => T1;

    /// <summary>Timer F, non-INVITE transaction timeout, 64*T1.</summary>
    public TimeSpan TimerF => Timeout;

    /// <summary>Initial value of timer G (INVITE response retransmit), T1.</summary>
    public TimeSpan TimerG => T1;

    /// <summary>Timer H, wait time for ACK receipt, 64*T1.</summary>
    public TimeSpan TimerH => Timeout;

    /// <summary>Timer I: T4 for unreliable transports, zero for reliable ones.</summary>
    public TimeSpan TimerI(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>Timer J: 64*T1 for unreliable transports, zero for reliable ones.</summary>
    public TimeSpan TimerJ(bool reliable) => reliable ? TimeSpan.Zero : Timeout;

    /// <summary>Timer K: T4 for unreliable transports, zero for reliable ones.</summary>
    public TimeSpan TimerK(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>RFC 6026 timer L (server INVITE in Accepted), 64*T1.</summary>
    public TimeSpan TimerL => Timeout;

    /// <summary>RFC 6026 timer M (client INVITE in Accepted), 64*T1.</summary>
    public TimeSpan TimerM => Timeout;

    /// <summary>Next interval of a retransmission timer that doubles: A doubles without cap, E and G are capped by T2.</summary>
    public TimeSpan NextInterval(TimeSpan current, bool cappedByT2)
    {
        var doubled = current * 2;
        return cappedByT2 && doubled > T2 ? T2 : doubled;
    }
}
