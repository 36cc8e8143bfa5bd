namespace CallCluster.Actors.MediaProtocol;

/// <summary>The kind of one RTP stream of an endpoint (one SDP m= line).</summary>
public enum MediaKind
{
    /// <summary>G.711 audio, mixed in the three-party phase.</summary>
    Audio = 0,

    /// <summary>VP8 or H.264 video, forwarded without decoding.</summary>
    Video = 1,
}
