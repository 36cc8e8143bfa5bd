namespace CallCluster.Media.Streams;

/// <summary>The identifiers a forwarded packet leaves with, and whether it starts a new source.</summary>
public readonly record struct RewrittenIds(uint Ssrc, ushort SequenceNumber, uint Timestamp, bool SourceChanged);
