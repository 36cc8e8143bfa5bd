namespace CallCluster.Sip.Rtp.Payloads;

/// <summary>Keyframe detection by encoding name, for forwarders that switch video sources on a keyframe.</summary>
public static class VideoKeyFrame
{
    /// <summary>
    /// True if <paramref name="payload"/> starts a keyframe of <paramref name="encodingName"/>
    /// ("VP8" or "H264", case-insensitive); false for other encodings.
    /// </summary>
    public static bool IsKeyFrame(string encodingName, ReadOnlySpan<byte> payload)
    {
        if (string.Equals(encodingName, "VP8", StringComparison.OrdinalIgnoreCase))
        {
            return Vp8PayloadDescriptor.IsKeyFrame(payload);
        }

        return string.Equals(encodingName, "H264", StringComparison.OrdinalIgnoreCase)
            && H264PayloadInfo.TryRead(payload, out var info) && info.IsKeyFrame;
    }
}
