namespace CallCluster.Sip.Transactions;

/// <summary>
/// Server INVITE transaction (RFC 3261 17.2.1, figure 7): Proceeding, Completed, Confirmed,
/// Terminated; timers G, H, I, and the provisional timer that sends 100 Trying when the TU has
/// not answered within 200 ms. A 2xx from the TU is sent and ends the transaction (RFC 3261:
/// the TU retransmits 2xx and receives the ACK for it), or, with <see cref="UseAcceptedState"/>
/// (RFC 6026), moves to Accepted: INVITE retransmissions are absorbed, the TU's 2xx
/// retransmissions are sent, and on unreliable transports the 2xx is also retransmitted on the
/// timer G schedule until its ACK arrives (the UAS core duty of 13.3.1.4, done here for the TU);
/// timer L ends the transaction and reports a missing ACK.
/// </summary>
public sealed record ServerInviteMachine : TransactionMachine
{
    private ServerInviteMachine(TransactionTimers timers, bool reliable, TransactionPhase phase, TimeSpan intervalG, bool tuAnswered, bool useAccepted)
        : base(timers, reliable, phase)
    {
        IntervalG = intervalG;
        TuAnswered = tuAnswered;
        UseAcceptedState = useAccepted;
    }

    /// <summary>True when a 2xx leads to the RFC 6026 Accepted state instead of Terminated.</summary>
    public bool UseAcceptedState { get; init; }

    /// <summary>Accepted state: true once the ACK for the 2xx has arrived.</summary>
    public bool AckSeen { get; init; }

    /// <summary>The interval timer G was last started with.</summary>
    public TimeSpan IntervalG { get; init; }

    /// <summary>True once the TU has passed any response.</summary>
    public bool TuAnswered { get; init; }

    /// <inheritdoc />
    public override TransactionKind Kind => TransactionKind.ServerInvite;

    /// <summary>Starts the transaction for a received INVITE: passes it to the TU and arms the 100 Trying timer.</summary>
    public static TransactionStep Start(TransactionTimers timers, bool reliable, bool useAcceptedState = false)
    {
        ArgumentNullException.ThrowIfNull(timers);
        var machine = new ServerInviteMachine(timers, reliable, TransactionPhase.Proceeding, timers.TimerG, tuAnswered: false, useAcceptedState);
        TransactionAction[] actions = timers.ProvisionalDelay == TimeSpan.Zero
            ? [TransactionAction.SendTrying, TransactionAction.PassToTu]
            : [TransactionAction.PassToTu, TransactionAction.Start(TransactionTimer.Trying, timers.ProvisionalDelay)];
        return new TransactionStep(machine, actions);
    }

    /// <inheritdoc />
    public override TransactionStep Handle(TransactionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (Phase, input) switch
        {
            (TransactionPhase.Proceeding, TimerFired { Timer: TransactionTimer.Trying }) when !TuAnswered =>
                new TransactionStep(this, [TransactionAction.SendTrying]),
            (TransactionPhase.Proceeding or TransactionPhase.Completed, RequestArrived) =>
                new TransactionStep(this, [TransactionAction.ResendLastResponse]),
            (TransactionPhase.Proceeding, TuResponded r) => OnTuResponse(r.StatusCode),
            (TransactionPhase.Proceeding or TransactionPhase.Completed, TransportFailed) =>
                Terminated(TransactionAction.ReportTransportError),
            (TransactionPhase.Completed, TimerFired { Timer: TransactionTimer.G }) => RetransmitResponse(),
            (TransactionPhase.Completed, TimerFired { Timer: TransactionTimer.H }) => Terminated(TransactionAction.ReportTimeout),
            (TransactionPhase.Completed, AckArrived) => OnAck(),
            (TransactionPhase.Confirmed, TimerFired { Timer: TransactionTimer.I }) => Terminated(),
            (TransactionPhase.Accepted, TuResponded { StatusCode: >= 200 and <= 299 }) =>
                new TransactionStep(this, [TransactionAction.SendTuResponse]),
            (TransactionPhase.Accepted, TransportFailed) => Terminated(TransactionAction.ReportTransportError),
            (TransactionPhase.Accepted, TimerFired { Timer: TransactionTimer.G }) when !AckSeen => RetransmitResponse(),
            (TransactionPhase.Accepted, AckArrived) =>
                new TransactionStep(this with { AckSeen = true }, [TransactionAction.Cancel(TransactionTimer.G)]),
            (TransactionPhase.Accepted, TimerFired { Timer: TransactionTimer.L }) =>
                AckSeen ? Terminated() : Terminated(TransactionAction.ReportTimeout),
            _ => Stay(),
        };
    }

    private TransactionStep OnTuResponse(int status)
    {
        var answered = this with { TuAnswered = true };
        if (status is >= 100 and <= 199)
        {
            return new TransactionStep(answered, [TransactionAction.Cancel(TransactionTimer.Trying), TransactionAction.SendTuResponse]);
        }

        if (status is >= 200 and <= 299)
        {
            if (!UseAcceptedState)
            {
                return answered.Terminated(TransactionAction.SendTuResponse);
            }

            TransactionAction[] accepted = Reliable
                ? [TransactionAction.Cancel(TransactionTimer.Trying), TransactionAction.SendTuResponse,
                   TransactionAction.Start(TransactionTimer.L, Timers.TimerL)]
                : [TransactionAction.Cancel(TransactionTimer.Trying), TransactionAction.SendTuResponse,
                   TransactionAction.Start(TransactionTimer.G, Timers.TimerG), TransactionAction.Start(TransactionTimer.L, Timers.TimerL)];
            return new TransactionStep(answered with { Phase = TransactionPhase.Accepted }, accepted);
        }

        if (status is < 300 or > 699)
        {
            return Stay();
        }

        var completed = answered with { Phase = TransactionPhase.Completed };
        TransactionAction[] actions = Reliable
            ? [TransactionAction.Cancel(TransactionTimer.Trying), TransactionAction.SendTuResponse,
               TransactionAction.Start(TransactionTimer.H, Timers.TimerH)]
            : [TransactionAction.Cancel(TransactionTimer.Trying), TransactionAction.SendTuResponse,
               TransactionAction.Start(TransactionTimer.G, Timers.TimerG), TransactionAction.Start(TransactionTimer.H, Timers.TimerH)];
        return new TransactionStep(completed, actions);
    }

    private TransactionStep RetransmitResponse()
    {
        var next = Timers.NextInterval(IntervalG, cappedByT2: true);
        return new TransactionStep(
            this with { IntervalG = next },
            [TransactionAction.ResendLastResponse, TransactionAction.Start(TransactionTimer.G, next)]);
    }

    private TransactionStep OnAck()
    {
        var i = Timers.TimerI(Reliable);
        if (i == TimeSpan.Zero)
        {
            return Terminated();
        }

        return new TransactionStep(
            this with { Phase = TransactionPhase.Confirmed },
            [TransactionAction.Cancel(TransactionTimer.G), TransactionAction.Cancel(TransactionTimer.H), TransactionAction.Start(TransactionTimer.I, i)]);
    }
}
