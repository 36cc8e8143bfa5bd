namespace CallCluster.Sip.Transactions;

/// <summary>
/// Client INVITE transaction (RFC 3261 17.1.1, figure 5): Calling, Proceeding, Completed,
/// Terminated; timers A, B and D. A 2xx is passed to the TU and ends the transaction (RFC 3261
/// behaviour; the TU acknowledges 2xx itself). For a 300-699 the transaction sends the ACK.
/// </summary>
public sealed record ClientInviteMachine : TransactionMachine
{
    private ClientInviteMachine(TransactionTimers timers, bool reliable, TransactionPhase phase, TimeSpan intervalA)
        : base(timers, reliable, phase)
    {
        IntervalA = intervalA;
    }

    /// <summary>The interval timer A was last started with.</summary>
    public TimeSpan IntervalA { get; init; }

    /// <inheritdoc />
    public override TransactionKind Kind => TransactionKind.ClientInvite;

    /// <summary>Starts the transaction: sends the INVITE and starts timers A (unreliable only) and B.</summary>
    public static TransactionStep Start(TransactionTimers timers, bool reliable)
    {
        ArgumentNullException.ThrowIfNull(timers);
        var machine = new ClientInviteMachine(timers, reliable, TransactionPhase.Calling, timers.TimerA);
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
            return Terminated(TransactionAction.PassToTu);
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
