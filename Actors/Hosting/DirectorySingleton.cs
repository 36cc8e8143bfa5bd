namespace CallCluster.Actors.Hosting;

/// <summary>ActorRegistry key of the proxy to the directory singleton (the writer); use <see cref="DirectoryActor"/> instead.</summary>
public sealed class DirectorySingleton;
