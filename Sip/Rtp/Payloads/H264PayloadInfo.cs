namespace CallCluster.Sip.Rtp.Payloads;

/// <summary>What the first bytes of an H.264 RTP payload say.</summary>
/// <param name="Packetization">How the payload is structured.</param>
/// <param name="NalType">Type of the (first) NAL unit carried; for FU-A the fragmented unit's type.</param>
/// <param name="StartsNal">True unless this is a middle or last FU-A fragment.</param>
/// <param name="EndsNal">True unless this is a first or middle FU-A fragment.</param>
/// <param name="IsKeyFrame">True if the payload carries the start of an IDR slice (type 5) or an SPS (type 7).</param>
public readonly record struct H264PayloadInfo(H264Packetization Packetization, byte NalType, bool StartsNal, bool EndsNal, bool IsKeyFrame)
{
    /// <summary>NAL unit type of an IDR slice.</summary>
    public const byte IdrSlice = 5;

    /// <summary>NAL unit type of a sequence parameter set.</summary>
    public const byte Sps = 7;

    /// <summary>NAL unit type of a picture parameter set.</summary>
    public const byte Pps = 8;

    /// <summary>Payload type value of STAP-A.</summary>
    public const byte StapAType = 24;

    /// <summary>Payload type value of FU-A.</summary>
    public const byte FuAType = 28;

    /*
      NAL unit header and FU header (RFC 6184 sections 1.3 and 5.8):
      +---------------+      +---------------+
      |0|1|2|3|4|5|6|7|      |0|1|2|3|4|5|6|7|
      +-+-+-+-+-+-+-+-+      +-+-+-+-+-+-+-+-+
      |F|NRI|  Type   |      |S|E|R|  Type   |
      +---------------+      +---------------+
    */

    /// <summary>Reads the payload's structure; false for empty or unsupported payloads.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out H264PayloadInfo info)
    {
        info = default;
        if (payload.IsEmpty || (payload[0] & 0x80) != 0)
        {
            return false;
        }

        byte type = (byte)(payload[0] & 0x1F);
        switch (type)
        {
            case >= 1 and <= 23:
                info = new H264PayloadInfo(H264Packetization.SingleNal, type, true, true, type is IdrSlice or Sps);
                return true;
            case StapAType:
                return TryReadStapA(payload, out info);
            case FuAType:
                if (payload.Length < 3)
                {
                    return false;
                }

                byte header = payload[1];
                bool start = (header & 0x80) != 0;
                bool end = (header & 0x40) != 0;
                byte inner = (byte)(header & 0x1F);
                if (start && end)
                {
                    return false; // RFC 6184 section 5.8: S and E must not both be set
                }

                info = new H264PayloadInfo(H264Packetization.FuA, inner, start, end, start && inner is IdrSlice or Sps);
                return true;
            default:
                return false;
        }
    }

    private static bool TryReadStapA(ReadOnlySpan<byte> payload, out H264PayloadInfo info)
    {
        info = default;
        var reader = new H264StapAReader(payload);
        byte firstType = 0;
        bool key = false;
        int count = 0;
        while (reader.TryReadNext(out var nal))
        {
            byte nalType = (byte)(nal[0] & 0x1F);
            firstType = count == 0 ? nalType : firstType;
            key |= nalType is IdrSlice or Sps;
            count++;
        }

        if (!reader.Completed || count == 0)
        {
            return false;
        }

        info = new H264PayloadInfo(H264Packetization.StapA, firstType, true, true, key);
        return true;
    }
}
