namespace CallCluster.Sip.Transactions;

/// <summary>
/// Client non-INVITE transaction (RFC 3261 17.1.2, figure 6): Trying, Proceeding, Completed,
/// Terminated; timers E (doubling, capped by T2; T2 in Proceeding), F and K.
/// </summary>
public sealed record ClientNonInviteMachine : TransactionMachine
{
    private ClientNonInviteMachine(TransactionTimers timers, bool reliable, TransactionPhase phase, TimeSpan intervalE)
        : base(timers, reliable, phase)
    {
        IntervalE = intervalE;
    }

    /// <summary>The interval timer E was last started with.</summary>
    public TimeSpan IntervalE { get; init; }

    /// <inheritdoc />
    public override TransactionKind Kind => TransactionKind.ClientNonInvite;

    /// <summary>Starts the transaction: sends the request and starts timers E (unreliable only) and F.</summary>
    public static TransactionStep Start(TransactionTimers timers, bool reliable)
    {
        ArgumentNullException.ThrowIfNull(timers);
        var machine = new ClientNonInviteMachine(timers, reliable, TransactionPhase.Trying, timers.TimerE);
        TransactionAction[] actions = reliable
            ? [TransactionAction.SendRequest, TransactionAction.Start(TransactionTimer.F, timers.TimerF)]
            : [TransactionAction.SendRequest,
               TransactionAction.Start(TransactionTimer.E, timers.TimerE),
               TransactionAction.Start(TransactionTimer.F, timers.TimerF)];
        return new TransactionStep(machine, actions);
    }

    /// <inheritdoc />
    public override TransactionStep Handle(TransactionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var active = Phase is TransactionPhase.Trying or TransactionPhase.Proceeding;
        return input switch
        {
            TimerFired { Timer: TransactionTimer.E } when active => Retransmit(),
            TimerFired { Timer: TransactionTimer.F } when active => Terminated(TransactionAction.ReportTimeout),
            TransportFailed when active => Terminated(TransactionAction.ReportTransportError),
            ResponseArrived r when active => OnResponse(r.StatusCode),
            TimerFired { Timer: TransactionTimer.K } when Phase == TransactionPhase.Completed => Terminated(),
            _ => Stay(),
        };
    }

    private TransactionStep Retransmit()
    {
        var next = Phase == TransactionPhase.Proceeding ? Timers.T2 : Timers.NextInterval(IntervalE, cappedByT2: true);
        return new TransactionStep(
            this with { IntervalE = next },
            [TransactionAction.SendRequest, TransactionAction.Start(TransactionTimer.E, next)]);
    }

    private TransactionStep OnResponse(int status)
    {
        if (status is >= 100 and <= 199)
        {
            return new TransactionStep(this with { Phase = TransactionPhase.Proceeding }, [TransactionAction.PassToTu]);
        }

        if (status is < 200 or > 699)
        {
            return Stay();
        }

        var k = Timers.TimerK(Reliable);
        if (k == TimeSpan.Zero)
        {
            return Terminated(TransactionAction.PassToTu);
        }

        return new TransactionStep(
            this with { Phase = TransactionPhase.Completed },
            [TransactionAction.Cancel(TransactionTimer.E), TransactionAction.Cancel(TransactionTimer.F),
             TransactionAction.PassToTu, TransactionAction.Start(TransactionTimer.K, k)]);
    }
}
