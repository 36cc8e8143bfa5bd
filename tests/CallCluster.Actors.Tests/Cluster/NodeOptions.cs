namespace CallCluster.Actors.Tests.Cluster;

/// <summary>Test-only node options: settings that override the node's HOCON, and crash downing on or off.</summary>
public sealed record NodeOptions(string? Hocon = null, bool DownCrashedNodes = true);
