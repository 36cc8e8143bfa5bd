using System.Collections.Concurrent;
using Akka.Actor;

namespace CallCluster.Actors.Persistence;

/// <summary>
/// Persistence ids this node's actors know to be new: minted for the command that starts the
/// actor, so the journal holds no row for them. <see cref="CallClusterJournal"/> answers their
/// highest sequence number (0) without a query, once; the declaring actor forgets its id when its
/// recovery has completed, so an id the journal never asked for does not stay. Should an id be
/// declared new by mistake, the journal's unique key on (persistence id, sequence number) refuses
/// the actor's first write: nothing stored is overwritten.
/// </summary>
public sealed class NewPersistenceIds : IExtension
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    /// <summary>Ids declared and not yet taken or forgotten.</summary>
    public int Count => _ids.Count;

    public static NewPersistenceIds Get(ActorSystem system) => system.WithExtension<NewPersistenceIds, NewPersistenceIdsProvider>();

    /// <summary>Declares <paramref name="persistenceId"/> new; call before the actor's recovery starts.</summary>
    public void Declare(string persistenceId) => _ids[persistenceId] = 0;

    /// <summary>True once for a declared id (which is then no longer declared).</summary>
    public bool TryTake(string persistenceId) => _ids.TryRemove(persistenceId, out _);

    /// <summary>Forgets a declared id that the journal did not take.</summary>
    public void Forget(string persistenceId) => _ids.TryRemove(persistenceId, out _);
}

/// <summary>Akka extension id of <see cref="NewPersistenceIds"/>.</summary>
public sealed class NewPersistenceIdsProvider : ExtensionIdProvider<NewPersistenceIds>
{
    public override NewPersistenceIds CreateExtension(ExtendedActorSystem system) => new();
}
