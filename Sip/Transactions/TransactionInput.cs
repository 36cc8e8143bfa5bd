namespace CallCluster.Sip.Transactions;

/// <summary>
/// An event fed to a transaction state machine. Inputs carry only what the state machines
/// need (a status code, a timer id); the messages themselves stay with the caller.
/// </summary>
public abstract record TransactionInput
{
    private protected TransactionInput()
    {
    }

    /// <summary>A request was received for a server transaction (the original or a retransmission).</summary>
    public static TransactionInput RequestReceived { get; } = new RequestArrived();

    /// <summary>An ACK matching a server INVITE transaction was received.</summary>
    public static TransactionInput AckReceived { get; } = new AckArrived();

    /// <summary>The transport reported a failure sending this transaction's message.</summary>
    public static TransactionInput TransportError { get; } = new TransportFailed();

    /// <summary>A response with this status code was received (client transactions).</summary>
    public static TransactionInput Response(int statusCode) => new ResponseArrived(statusCode);

    /// <summary>The transaction user passes a response with this status code (server transactions).</summary>
    public static TransactionInput TuResponse(int statusCode) => new TuResponded(statusCode);

    /// <summary>A timer of this transaction fired.</summary>
    public static TransactionInput Fired(TransactionTimer timer) => TimerFired.For(timer);
}

/// <summary>A request (or its retransmission) reached a server transaction.</summary>
public sealed record RequestArrived : TransactionInput;

/// <summary>An ACK reached a server INVITE transaction.</summary>
public sealed record AckArrived : TransactionInput;

/// <summary>The transport failed to send a message of this transaction.</summary>
public sealed record TransportFailed : TransactionInput;

/// <summary>A response reached a client transaction.</summary>
public sealed record ResponseArrived(int StatusCode) : TransactionInput;

/// <summary>The transaction user sends a response through a server transaction.</summary>
public sealed record TuResponded(int StatusCode) : TransactionInput;

/// <summary>A timer fired.</summary>
public sealed record TimerFired(TransactionTimer Timer) : TransactionInput
{
    private static readonly TimerFired[] Cache = Enum.GetValues<TransactionTimer>().Select(t => new TimerFired(t)).ToArray();

    /// <summary>Returns the shared instance for <paramref name="timer"/>.</summary>
    public static TimerFired For(TransactionTimer timer) =>
        (uint)timer < (uint)Cache.Length ? Cache[(int)timer] : new TimerFired(timer);
}
