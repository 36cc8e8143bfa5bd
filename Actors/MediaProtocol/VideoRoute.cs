namespace CallCluster.Actors.MediaProtocol;

/// <summary>The receiver endpoint gets the video sent by the source endpoint.</summary>
public sealed record VideoRoute(string ReceiverEndpointId, string SourceEndpointId);
