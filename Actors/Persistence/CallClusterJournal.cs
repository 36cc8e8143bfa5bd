using Akka.Persistence.Sql.Journal;

namespace CallCluster.Actors.Persistence;

/// <summary>
/// The node's journal: Akka.Persistence.Sql's, except that the highest sequence number of an id
/// declared in <see cref="NewPersistenceIds"/> is 0 without a query. A new session's recovery then
/// costs no database read at all (its snapshot is not asked for either: <c>SessionActor.FreshRecovery</c>).
/// </summary>
public sealed class CallClusterJournal(Akka.Configuration.Config journalConfig) : SqlWriteJournal(journalConfig)
{
    private readonly NewPersistenceIds _newIds = NewPersistenceIds.Get(Context.System);

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        _newIds.TryTake(persistenceId) ? Task.FromResult(0L) : base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
}
