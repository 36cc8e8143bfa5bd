using System.Buffers.Binary;
using CallCluster.Sip.Rtp.Payloads;

namespace CallCluster.Terminal.Media;

/// <summary>
/// Synthetic VP8 frames (RFC 7741): each payload starts with a payload descriptor carrying a
/// 15-bit picture id, the first payload of a frame has S=1, PID=0 and the VP8 payload header
/// (frame tag with P=0 for key frames, followed by the key frame start code and dimensions).
/// The frame body is a test pattern, not decodable picture data.
/// </summary>
public sealed class Vp8PayloadSource(int maxPayloadSize = 1100) : IVideoPayloadSource
{
    private ushort _pictureId;
    private int _frame;

    /// <inheritdoc/>
    public string EncodingName => "VP8";

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> NextFrame(bool keyFrame)
    {
        var frame = BuildFrame(keyFrame, _frame++);
        var pictureId = (ushort)(_pictureId++ & 0x7FFF);
        var payloads = new List<byte[]>();
        var offset = 0;
        while (offset < frame.Length)
        {
            var descriptor = new Vp8PayloadDescriptor
            {
                StartOfPartition = offset == 0,
                PartitionId = 0,
                HasPictureId = true,
                LongPictureId = true,
                PictureId = pictureId,
                NonReference = !keyFrame,
            };
            var headerLength = descriptor.GetWrittenLength();
            var chunk = Math.Min(frame.Length - offset, maxPayloadSize - headerLength);
            var payload = new byte[headerLength + chunk];
            descriptor.TryWrite(payload, out _);
            frame.AsSpan(offset, chunk).CopyTo(payload.AsSpan(headerLength));
            payloads.Add(payload);
            offset += chunk;
        }

        return payloads;
    }

    private static byte[] BuildFrame(bool keyFrame, int index)
    {
        var size = keyFrame ? 2400 : 600;
        var frame = new byte[size];
        var headerLength = keyFrame ? 10 : 3;
        var partitionSize = (uint)(size - headerLength);
        // frame tag (RFC 6386 9.1): P (bit 0, 0 = key frame), version (bits 1-3), show_frame (bit 4), first partition size (bits 5-23)
        var tag = (keyFrame ? 0u : 1u) | (0u << 1) | (1u << 4) | ((partitionSize & 0x7FFFF) << 5);
        frame[0] = (byte)tag;
        frame[1] = (byte)(tag >> 8);
        frame[2] = (byte)(tag >> 16);
        if (keyFrame)
        {
            frame[3] = 0x9D;
            frame[4] = 0x01;
            frame[5] = 0x2A;
            BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(6), TestPattern.Width);
            BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(8), TestPattern.Height);
        }

        TestPattern.Fill(frame.AsSpan(headerLength), index);
        return frame;
    }
}
