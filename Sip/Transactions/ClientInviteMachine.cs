namespace CallCluster.Sip.Transactions;

/// <summary>
/// Client INVITE transaction (RFC 3261 17.1.1, figure 5): Calling, Proceeding, Completed,
/// Terminated; timers A, B and D. A 2xx is passed to the TU and ends the transaction (RFC 3261
/// behaviour; the TU acknowledges 2xx itself), or, with <see cref="UseAcceptedState"/> (RFC 6026),
/// moves to Accepted where further 2xx are passed to the TU until timer M. For a 300-699 the
/// transaction sends the ACK.
/// </summary>
public sealed record ClientInviteMachine : TransactionMachine
{
    private ClientInviteMachine(TransactionTimers timers, bool reliable, TransactionPhase phase, TimeSpan intervalA, bool useAccepted)
        : base(timers, reliable, phase)
    {
        IntervalA = intervalA;
        UseAcceptedState = useAccepted;
    }

    /// <summary>True when a 2xx leads to the RFC 6026 Accepted state instead of Terminated.</summary>
    public bool UseAcceptedState { get; init; }

    /// <summary>The interval timer A was last started with.</summary>
    public TimeSpan IntervalA { get; init; }

    /// <inheritdoc />
    public override TransactionKind Kind => TransactionKind.ClientInvite;

    /// <summary>Starts the transaction: sends the INVITE and starts timers A (unreliable only) and B.</summary>
    public static TransactionStep Start(TransactionTimers timers, bool reliable, bool useAcceptedState = false)
    {
        ArgumentNullException.ThrowIfNull(timers);
        var machine = new ClientInviteMachine(timers, reliable, TransactionPhase.Calling, timers.TimerA, useAcceptedState);
        TransactionAction[] actions = reliable
            ? [TransactionAction.SendRequest, TransactionAction.Start(TransactionTimer.B, timers.TimerB)]
            : [TransactionAction.SendRequest,
               TransactionAction.Start(TransactionTimer.A, timers.TimerA),
               TransactionAction.Start(TransactionTimer.B, timers.TimerB)];
        return new TransactionStep(machine, actions);
    }

    /// <inheritdoc />
    public override TransactionStep Handle(TransactionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (Phase, input) switch
        {
            (TransactionPhase.Calling, TimerFired { Timer: TransactionTimer.A }) => RetransmitInvite(),
            (TransactionPhase.Calling, TimerFired { Timer: TransactionTimer.B }) =>
                Terminated(TransactionAction.ReportTimeout),
            (TransactionPhase.Calling or TransactionPhase.Proceeding, ResponseArrived r) => OnResponse(r.StatusCode),
            (TransactionPhase.Calling or TransactionPhase.Proceeding or TransactionPhase.Completed, TransportFailed) =>
                Terminated(TransactionAction.ReportTransportError),
            (TransactionPhase.Completed, ResponseArrived { StatusCode: >= 300 and <= 699 }) =>
                new TransactionStep(this, [TransactionAction.SendAck]),
            (TransactionPhase.Completed, TimerFired { Timer: TransactionTimer.D }) => Terminated(),
            (TransactionPhase.Accepted, ResponseArrived { StatusCode: >= 200 and <= 299 }) =>
                new TransactionStep(this, [TransactionAction.PassToTu]),
            (TransactionPhase.Accepted, TimerFired { Timer: TransactionTimer.M }) => Terminated(),
            _ => Stay(),
        };
    }

    private TransactionStep RetransmitInvite()
    {
        var next = Timers.NextInterval(IntervalA, cappedByT2: false);
        return new TransactionStep(
            this with { IntervalA = next },
            [TransactionAction.SendRequest, TransactionAction.Start(TransactionTimer.A, next)]);
    }

    private TransactionStep OnResponse(int status)
    {
        if (status is >= 100 and <= 199)
        {
            if (Phase == TransactionPhase.Proceeding)
            {
                return new TransactionStep(this, [TransactionAction.PassToTu]);
            }

            return new TransactionStep(
                this with { Phase = TransactionPhase.Proceeding },
                [TransactionAction.Cancel(TransactionTimer.A), TransactionAction.Cancel(TransactionTimer.B), TransactionAction.PassToTu]);
        }

        if (status is >= 200 and <= 299)
        {
            return UseAcceptedState
                ? new TransactionStep(
                    this with { Phase = TransactionPhase.Accepted },
                    [TransactionAction.Cancel(TransactionTimer.A), TransactionAction.Cancel(TransactionTimer.B),
                     TransactionAction.PassToTu, TransactionAction.Start(TransactionTimer.M, Timers.TimerM)])
                : Terminated(TransactionAction.PassToTu);
        }

        if (status is < 300 or > 699)
        {
            return Stay();
        }

        var d = Timers.TimerD(Reliable);
        if (d == TimeSpan.Zero)
        {
            return Terminated(TransactionAction.SendAck, TransactionAction.PassToTu);
        }

        return new TransactionStep(
            this with { Phase = TransactionPhase.Completed },
            [TransactionAction.Cancel(TransactionTimer.A), TransactionAction.Cancel(TransactionTimer.B),
             TransactionAction.SendAck, TransactionAction.PassToTu, TransactionAction.Start(TransactionTimer.D, d)]);
    }
}
