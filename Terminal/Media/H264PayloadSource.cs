using CallCluster.Sip.Rtp.Payloads;

namespace CallCluster.Terminal.Media;

/// <summary>
/// Synthetic H.264 frames (RFC 6184, packetization-mode 1): a key frame is SPS, PPS and an IDR
/// slice, other frames one non-IDR slice; NAL units that fit travel as single NAL unit packets,
/// larger ones as FU-A fragments. NAL headers are valid (F=0, NRI, type); the slice data is a
/// test pattern, not decodable picture data.
/// </summary>
public sealed class H264PayloadSource(int maxPayloadSize = 1100) : IVideoPayloadSource
{
    private static readonly byte[] Sps = [0x67, 0x42, 0xC0, 0x1E, 0xDA, 0x02, 0x80, 0xBF, 0xE5, 0x84, 0x00];
    private static readonly byte[] Pps = [0x68, 0xCE, 0x3C, 0x80];
    private int _frame;

    /// <inheritdoc/>
    public string EncodingName => "H264";

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> NextFrame(bool keyFrame)
    {
        var index = _frame++;
        var slice = new byte[keyFrame ? 2400 : 600];
        slice[0] = keyFrame ? (byte)0x65 : (byte)0x41; // NRI 3 type 5 (IDR) or NRI 2 type 1 (non-IDR)
        TestPattern.Fill(slice.AsSpan(1), index);
        var payloads = new List<byte[]>();
        if (keyFrame)
        {
            payloads.Add(Sps);
            payloads.Add(Pps);
        }

        var count = H264Packetizer.GetPacketCount(slice.Length, maxPayloadSize);
        var buffer = new byte[maxPayloadSize];
        for (var i = 0; i < count; i++)
        {
            if (H264Packetizer.TryWritePacket(slice, maxPayloadSize, i, buffer, out var written))
            {
                payloads.Add(buffer.AsSpan(0, written).ToArray());
            }
        }

        return payloads;
    }
}
