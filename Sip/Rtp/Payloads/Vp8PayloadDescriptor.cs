namespace CallCluster.Sip.Rtp.Payloads;

/// <summary>
/// The VP8 payload descriptor at the start of each VP8 RTP payload (RFC 7741 section 4.2), and
/// keyframe detection from the VP8 payload header that follows it (section 4.3).
/// </summary>
public readonly record struct Vp8PayloadDescriptor
{
    /*
          0 1 2 3 4 5 6 7
         +-+-+-+-+-+-+-+-+
         |X|R|N|S|R| PID | (REQUIRED)
         +-+-+-+-+-+-+-+-+
    X:   |I|L|T|K| RSV   | (OPTIONAL)
         +-+-+-+-+-+-+-+-+
    I:   |M| PictureID   | (OPTIONAL)
         +-+-+-+-+-+-+-+-+
         |   PictureID   | (second byte when M = 1: 15-bit picture id)
         +-+-+-+-+-+-+-+-+
    L:   |   TL0PICIDX   | (OPTIONAL)
         +-+-+-+-+-+-+-+-+
    T/K: |TID|Y| KEYIDX  | (OPTIONAL)
         +-+-+-+-+-+-+-+-+

     VP8 payload header, first byte (only at S = 1, PID = 0):
         |Size0|H| VER |P|   P = 0 means a key frame.
    */

    /// <summary>N: the frame can be discarded without affecting others.</summary>
    public bool NonReference { get; init; }

    /// <summary>S: the payload starts a VP8 partition.</summary>
    public bool StartOfPartition { get; init; }

    /// <summary>PID: partition index.</summary>
    public byte PartitionId { get; init; }

    /// <summary>I: a picture id is present.</summary>
    public bool HasPictureId { get; init; }

    /// <summary>M: the picture id has 15 bits (else 7).</summary>
    public bool LongPictureId { get; init; }

    /// <summary>Picture id (7 or 15 bits).</summary>
    public ushort PictureId { get; init; }

    /// <summary>L: TL0PICIDX is present.</summary>
    public bool HasTl0PicIdx { get; init; }

    /// <summary>Temporal level zero index.</summary>
    public byte Tl0PicIdx { get; init; }

    /// <summary>T: TID and Y are present.</summary>
    public bool HasTemporalId { get; init; }

    /// <summary>Temporal layer index.</summary>
    public byte TemporalId { get; init; }

    /// <summary>Y: layer sync.</summary>
    public bool LayerSync { get; init; }

    /// <summary>K: KEYIDX is present.</summary>
    public bool HasKeyIndex { get; init; }

    /// <summary>Temporal key frame index.</summary>
    public byte KeyIndex { get; init; }

    /// <summary>True if this payload starts a frame (S = 1 and PID = 0).</summary>
    public bool IsStartOfFrame => StartOfPartition && PartitionId == 0;

    /// <summary>Bytes the descriptor takes.</summary>
    public int GetWrittenLength()
    {
        bool extended = HasPictureId || HasTl0PicIdx || HasTemporalId || HasKeyIndex;
        return 1 + (extended ? 1 : 0) + (HasPictureId ? (LongPictureId ? 2 : 1) : 0) + (HasTl0PicIdx ? 1 : 0) + (HasTemporalId || HasKeyIndex ? 1 : 0);
    }

    /// <summary>Reads the descriptor; <paramref name="length"/> is where the VP8 payload starts. False if truncated.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out Vp8PayloadDescriptor descriptor, out int length)
    {
        descriptor = default;
        length = 0;
        if (payload.IsEmpty)
        {
            return false;
        }

        byte first = payload[0];
        var result = new Vp8PayloadDescriptor
        {
            NonReference = (first & 0x20) != 0,
            StartOfPartition = (first & 0x10) != 0,
            PartitionId = (byte)(first & 0x07),
        };
        int offset = 1;
        if ((first & 0x80) != 0)
        {
            if (payload.Length < 2)
            {
                return false;
            }

            byte x = payload[1];
            offset = 2;
            if ((x & 0x80) != 0)
            {
                if (payload.Length <= offset)
                {
                    return false;
                }

                bool longId = (payload[offset] & 0x80) != 0;
                if (longId && payload.Length <= offset + 1)
                {
                    return false;
                }

                ushort id = longId ? (ushort)(((payload[offset] & 0x7F) << 8) | payload[offset + 1]) : (ushort)(payload[offset] & 0x7F);
                result = result with { HasPictureId = true, LongPictureId = longId, PictureId = id };
                offset += longId ? 2 : 1;
            }

            if ((x & 0x40) != 0)
            {
                if (payload.Length <= offset)
                {
                    return false;
                }

                result = result with { HasTl0PicIdx = true, Tl0PicIdx = payload[offset++] };
            }

            if ((x & 0x30) != 0)
            {
                if (payload.Length <= offset)
                {
                    return false;
                }

                byte tk = payload[offset++];
                result = result with
                {
                    HasTemporalId = (x & 0x20) != 0,
                    TemporalId = (x & 0x20) != 0 ? (byte)(tk >> 6) : (byte)0,
                    LayerSync = (x & 0x20) != 0 && (tk & 0x20) != 0,
                    HasKeyIndex = (x & 0x10) != 0,
                    KeyIndex = (x & 0x10) != 0 ? (byte)(tk & 0x1F) : (byte)0,
                };
            }
        }

        descriptor = result;
        length = offset;
        return true;
    }

    /// <summary>Writes the descriptor; false if the destination is too short.</summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = GetWrittenLength();
        if (destination.Length < written)
        {
            written = 0;
            return false;
        }

        bool extended = written > 1;
        destination[0] = (byte)((extended ? 0x80 : 0) | (NonReference ? 0x20 : 0) | (StartOfPartition ? 0x10 : 0) | (PartitionId & 0x07));
        if (!extended)
        {
            return true;
        }

        destination[1] = (byte)((HasPictureId ? 0x80 : 0) | (HasTl0PicIdx ? 0x40 : 0) | (HasTemporalId ? 0x20 : 0) | (HasKeyIndex ? 0x10 : 0));
        int offset = 2;
        if (HasPictureId)
        {
            if (LongPictureId)
            {
                destination[offset++] = (byte)(0x80 | ((PictureId >> 8) & 0x7F));
                destination[offset++] = (byte)PictureId;
            }
            else
            {
                destination[offset++] = (byte)(PictureId & 0x7F);
            }
        }

        if (HasTl0PicIdx)
        {
            destination[offset++] = Tl0PicIdx;
        }

        if (HasTemporalId || HasKeyIndex)
        {
            destination[offset] = (byte)(((TemporalId & 0x03) << 6) | (LayerSync ? 0x20 : 0) | (KeyIndex & 0x1F));
        }

        return true;
    }

    /// <summary>True if the RTP payload starts a VP8 key frame: S = 1, PID = 0 and the P bit of the payload header is 0.</summary>
    public static bool IsKeyFrame(ReadOnlySpan<byte> payload) =>
        TryRead(payload, out var descriptor, out int length) && descriptor.IsStartOfFrame
        && payload.Length > length && (payload[length] & 0x01) == 0;

    /// <summary>
    /// Rewrites the picture id in place (forwarders keep it continuous across source switches);
    /// the value is truncated to the field's 7 or 15 bits. False if the payload carries no picture id.
    /// </summary>
    public static bool TrySetPictureId(Span<byte> payload, ushort pictureId)
    {
        if (!TryRead(payload, out var descriptor, out _) || !descriptor.HasPictureId)
        {
            return false;
        }

        if (descriptor.LongPictureId)
        {
            payload[2] = (byte)(0x80 | ((pictureId >> 8) & 0x7F));
            payload[3] = (byte)pictureId;
        }
        else
        {
            payload[2] = (byte)(pictureId & 0x7F);
        }

        return true;
    }
}
