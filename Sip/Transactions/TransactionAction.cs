namespace CallCluster.Sip.Transactions;

/// <summary>
/// What a transaction state machine asks its owner to do. The owner (normally
/// <see cref="TransactionLayer"/>) holds the messages and the clock.
/// </summary>
public abstract record TransactionAction
{
    private protected TransactionAction()
    {
    }

    /// <summary>Send (or resend) the transaction's request.</summary>
    public static TransactionAction SendRequest { get; } = new SendRequestAction();

    /// <summary>Client INVITE: build the ACK for the non-2xx final response just received (17.1.1.3) and send it.</summary>
    public static TransactionAction SendAck { get; } = new SendAckAction();

    /// <summary>Server: send the response the TU just passed and remember it as the last response.</summary>
    public static TransactionAction SendTuResponse { get; } = new SendTuResponseAction();

    /// <summary>Server: resend the last response sent, if any.</summary>
    public static TransactionAction ResendLastResponse { get; } = new ResendLastResponseAction();

    /// <summary>Server INVITE: build a 100 Trying for the request, send it and remember it as the last response.</summary>
    public static TransactionAction SendTrying { get; } = new SendTryingAction();

    /// <summary>Pass the message just received (response on the client side, request on the server side) to the TU.</summary>
    public static TransactionAction PassToTu { get; } = new PassToTuAction();

    /// <summary>Tell the TU the transaction timed out (client: as a 408 response).</summary>
    public static TransactionAction ReportTimeout { get; } = new ReportTimeoutAction();

    /// <summary>Tell the TU a transport error ended the transaction.</summary>
    public static TransactionAction ReportTransportError { get; } = new ReportTransportErrorAction();

    /// <summary>The transaction is terminated: cancel all of its timers and remove it.</summary>
    public static TransactionAction Terminate { get; } = new TerminateAction();

    /// <summary>Start (or restart) a timer.</summary>
    public static TransactionAction Start(TransactionTimer timer, TimeSpan delay) => new StartTimerAction(timer, delay);

    /// <summary>Cancel a timer.</summary>
    public static TransactionAction Cancel(TransactionTimer timer) => new CancelTimerAction(timer);
}

/// <summary>See <see cref="TransactionAction.SendRequest"/>.</summary>
public sealed record SendRequestAction : TransactionAction;

/// <summary>See <see cref="TransactionAction.SendAck"/>.</summary>
public sealed record SendAckAction : TransactionAction;

/// <summary>See <see cref="TransactionAction.SendTuResponse"/>.</summary>
public sealed record SendTuResponseAction : TransactionAction;

/// <summary>See <see cref="TransactionAction.ResendLastResponse"/>.</summary>
public sealed record ResendLastResponseAction : TransactionAction;

/// <summary>See <see cref="TransactionAction.SendTrying"/>.</summary>
public sealed record SendTryingAction : TransactionAction;

/// <summary>See <see cref="TransactionAction.PassToTu"/>.</summary>
public sealed record PassToTuAction : TransactionAction;

/// <summary>See <see cref="TransactionAction.ReportTimeout"/>.</summary>
public sealed record ReportTimeoutAction : TransactionAction;

/// <summary>See <see cref="TransactionAction.ReportTransportError"/>.</summary>
public sealed record ReportTransportErrorAction : TransactionAction;

/// <summary>See <see cref="TransactionAction.Terminate"/>.</summary>
public sealed record TerminateAction : TransactionAction;

/// <summary>Start <paramref name="Timer"/> to fire after <paramref name="Delay"/>; replaces a running one.</summary>
public sealed record StartTimerAction(TransactionTimer Timer, TimeSpan Delay) : TransactionAction;

/// <summary>Cancel <paramref name="Timer"/>.</summary>
public sealed record CancelTimerAction(TransactionTimer Timer) : TransactionAction;
