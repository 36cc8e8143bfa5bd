namespace CallCluster.Sip.Transactions;

/// <summary>The result of feeding one input to a state machine: the new state and the actions to perform, in order.</summary>
public readonly record struct TransactionStep(TransactionMachine State, IReadOnlyList<TransactionAction> Actions);
