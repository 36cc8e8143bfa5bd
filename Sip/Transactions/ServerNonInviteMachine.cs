namespace CallCluster.Sip.Transactions;

/// <summary>
/// Server non-INVITE transaction (RFC 3261 17.2.2, figure 8): Trying, Proceeding, Completed,
/// Terminated; timer J. Retransmitted requests are absorbed in Trying and answered with the last
/// response in Proceeding and Completed.
/// </summary>
public sealed record ServerNonInviteMachine : TransactionMachine
{
    private ServerNonInviteMachine(TransactionTimers timers, bool reliable, TransactionPhase phase)
        : base(timers, reliable, phase)
    {
    }

    /// <inheritdoc />
    public override TransactionKind Kind => TransactionKind.ServerNonInvite;

    /// <summary>Starts the transaction for a received request: passes it to the TU.</summary>
    public static TransactionStep Start(TransactionTimers timers, bool reliable)
    {
        ArgumentNullException.ThrowIfNull(timers);
        return new TransactionStep(new ServerNonInviteMachine(timers, reliable, TransactionPhase.Trying), [TransactionAction.PassToTu]);
    }

    /// <inheritdoc />
    public override TransactionStep Handle(TransactionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (Phase, input) switch
        {
            (TransactionPhase.Trying or TransactionPhase.Proceeding, TuResponded r) => OnTuResponse(r.StatusCode),
            (TransactionPhase.Proceeding or TransactionPhase.Completed, RequestArrived) =>
                new TransactionStep(this, [TransactionAction.ResendLastResponse]),
            (TransactionPhase.Proceeding or TransactionPhase.Completed, TransportFailed) =>
                Terminated(TransactionAction.ReportTransportError),
            (TransactionPhase.Completed, TimerFired { Timer: TransactionTimer.J }) => Terminated(),
            _ => Stay(),
        };
    }

    private TransactionStep OnTuResponse(int status)
    {
        if (status is >= 100 and <= 199)
        {
            return new TransactionStep(this with { Phase = TransactionPhase.Proceeding }, [TransactionAction.SendTuResponse]);
        }

        if (status is < 200 or > 699)
        {
            return Stay();
        }

        var j = Timers.TimerJ(Reliable);
        if (j == TimeSpan.Zero)
        {
            return Terminated(TransactionAction.SendTuResponse);
        }

        return new TransactionStep(
            this with { Phase = TransactionPhase.Completed },
            [TransactionAction.SendTuResponse, TransactionAction.Start(TransactionTimer.J, j)]);
    }
}
