namespace CallCluster.Media.Tests.Support;

/// <summary>An RTP packet a test peer received: header fields and payload bytes.</summary>
public sealed record ReceivedPacket(uint Ssrc, ushort SequenceNumber, uint Timestamp, byte PayloadType, byte[] Payload);
