namespace CallCluster.Terminal.Media;

/// <summary>Produces the RTP payloads of one synthetic video frame (the last one carries the marker bit).</summary>
public interface IVideoPayloadSource
{
    /// <summary>Encoding name as in SDP ("VP8", "H264").</summary>
    string EncodingName { get; }

    /// <summary>The payloads of the next frame; a key frame when <paramref name="keyFrame"/> is true.</summary>
    IReadOnlyList<byte[]> NextFrame(bool keyFrame);
}
