using Akka.Actor;

namespace CallCluster.Actors.Directory;

/// <summary>
/// This node's latest <see cref="DirectorySnapshot"/>, readable without a message round trip
/// (<c>DirectoryView.Get(system).Current</c>). Only the node's directory replica replaces it.
/// </summary>
public sealed class DirectoryView : IExtension
{
    private DirectorySnapshot _current = DirectorySnapshot.Empty;

    public DirectorySnapshot Current => Volatile.Read(ref _current);

    /// <summary>True once the replica has received the directory from the singleton at least once.</summary>
    public bool IsSynchronized => Volatile.Read(ref _current) != DirectorySnapshot.Empty;

    public static DirectoryView Get(ActorSystem system) => system.WithExtension<DirectoryView, DirectoryViewProvider>();

    internal void Publish(DirectorySnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}

/// <summary>Akka extension id of <see cref="DirectoryView"/>.</summary>
public sealed class DirectoryViewProvider : ExtensionIdProvider<DirectoryView>
{
    public override DirectoryView CreateExtension(ExtendedActorSystem system) => new();
}
