namespace CallCluster.Sip.Transactions;

/// <summary>
/// An immutable transaction state (RFC 3261 section 17). <see cref="Handle"/> is pure: it returns
/// the next state and the actions to perform; it never touches a clock, a socket or a message.
/// </summary>
public abstract record TransactionMachine
{
    private protected TransactionMachine(TransactionTimers timers, bool reliable, TransactionPhase phase)
    {
        Timers = timers;
        Reliable = reliable;
        Phase = phase;
    }

    /// <summary>Timer values in use.</summary>
    public TransactionTimers Timers { get; init; }

    /// <summary>True on reliable transports (TCP, TLS): no retransmissions, zero wait timers.</summary>
    public bool Reliable { get; init; }

    /// <summary>Current state.</summary>
    public TransactionPhase Phase { get; init; }

    /// <summary>Which state machine this is.</summary>
    public abstract TransactionKind Kind { get; }

    /// <summary>True once the transaction is over.</summary>
    public bool IsTerminated => Phase == TransactionPhase.Terminated;

    /// <summary>Feeds one input; inputs that do not apply in the current state are absorbed (no actions).</summary>
    public abstract TransactionStep Handle(TransactionInput input);

    private protected TransactionStep Stay() => new(this, []);

    private protected TransactionStep Terminated(params TransactionAction[] before)
    {
        var actions = new TransactionAction[before.Length + 1];
        before.CopyTo(actions, 0);
        actions[^1] = TransactionAction.Terminate;
        return new TransactionStep(this with { Phase = TransactionPhase.Terminated }, actions);
    }
}
