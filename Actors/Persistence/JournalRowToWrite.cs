namespace CallCluster.Actors.Persistence;

/// <summary>
/// One event as it goes into the journal table: the columns Akka.Persistence.Sql reads back on
/// replay (its default table mapping), with <c>deleted</c> false and the writer id per journal.
/// </summary>
/// <param name="Created">UTC ticks: the event's own timestamp, else the time it was handed to the journal.</param>
/// <param name="Identifier">The id of the serializer that wrote <paramref name="Message"/>.</param>
public readonly record struct JournalRowToWrite(
    string PersistenceId,
    long SequenceNr,
    long Created,
    byte[] Message,
    string Manifest,
    int Identifier);
