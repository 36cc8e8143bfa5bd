using CallCluster.Sip.Codecs;

namespace CallCluster.Media.Tests.Support;

/// <summary>Turns received G.711 packets back into audio and measures tones in it.</summary>
public static class AudioAnalysis
{
    /// <summary>Samples in an analysis window (0.3 s; 440, 880 and 1320 Hz fall on exact bins).</summary>
    public const int Window = 2400;

    /// <summary>
    /// Decodes packets[first..] into one window, each at its timestamp offset from the first packet
    /// (so lost packets leave silence, not a phase jump), using each packet's payload type for the law.
    /// </summary>
    public static short[] Decode(IReadOnlyList<ReceivedPacket> packets, int first)
    {
        var samples = new short[Window];
        uint origin = packets[first].Timestamp;
        for (int i = first; i < packets.Count; i++)
        {
            var packet = packets[i];
            int offset = (int)(packet.Timestamp - origin);
            if (offset < 0 || offset + packet.Payload.Length > Window)
            {
                continue;
            }

            var law = packet.PayloadType == 8 ? G711Law.ALaw : G711Law.MuLaw;
            G711.Decode(law, packet.Payload, samples.AsSpan(offset));
        }

        return samples;
    }

    /// <summary>Tone amplitudes at 440, 880 and 1320 Hz in the window starting at packet <paramref name="first"/>.</summary>
    public static (double A440, double A880, double A1320) Tones(IReadOnlyList<ReceivedPacket> packets, int first)
    {
        var samples = Decode(packets, first);
        return (Goertzel.Amplitude(samples, 440), Goertzel.Amplitude(samples, 880), Goertzel.Amplitude(samples, 1320));
    }

    /// <summary>Sequence numbers missing between the lowest and highest received (16-bit wrap handled).</summary>
    public static int MissingSequenceNumbers(IEnumerable<ReceivedPacket> packets)
    {
        var unwrapped = new HashSet<long>();
        long cycles = 0;
        int? last = null;
        foreach (var packet in packets)
        {
            int seq = packet.SequenceNumber;
            if (last is { } previous && previous > 0xF000 && seq < 0x1000)
            {
                cycles++;
            }

            last = seq;
            unwrapped.Add((cycles << 16) + seq);
        }

        return unwrapped.Count == 0 ? 0 : (int)(unwrapped.Max() - unwrapped.Min() + 1 - unwrapped.Count);
    }
}
