using System.Numerics;
using System.Runtime.CompilerServices;

namespace CallCluster.Sip.Codecs;

/// <summary>
/// ITU-T G.711 companding: 16-bit linear PCM to and from 8-bit mu-law (PCMU) and A-law (PCMA).
/// Encoding is computed (segment search by leading-zero count); decoding is a table lookup.
/// Span methods process min(source, destination) samples and return that count.
/// </summary>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    private static readonly short[] MuLawTable = BuildTable(MuLawDecodeComputed);
    private static readonly short[] ALawTable = BuildTable(ALawDecodeComputed);

    /// <summary>Encodes one linear sample to mu-law.</summary>
    public static byte MuLawEncode(short sample)
    {
        int value = sample;
        int sign = (value >> 8) & 0x80;
        if (sign != 0)
        {
            value = -value;
        }

        if (value > MuLawClip)
        {
            value = MuLawClip;
        }

        value += MuLawBias;
        // value is in [132, 32767]: its highest set bit is between bit 7 and bit 14.
        int exponent = 24 - BitOperations.LeadingZeroCount((uint)value);
        int mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    /// <summary>Decodes one mu-law code to a linear sample.</summary>
    public static short MuLawDecode(byte code) => MuLawTable[code];

    /// <summary>Encodes one linear sample to A-law.</summary>
    public static byte ALawEncode(short sample)
    {
        int value = sample >> 3; // 13-bit magnitude domain
        int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            value = -value - 1;
        }

        if (value > 0xFFF)
        {
            return (byte)(0x7F ^ mask);
        }

        // Segment 0 covers 0..31, segment s >= 1 covers [2^(s+4), 2^(s+5)).
        int segment = value < 32 ? 0 : 27 - BitOperations.LeadingZeroCount((uint)value);
        int code = segment << 4;
        code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(code ^ mask);
    }

    /// <summary>Decodes one A-law code to a linear sample.</summary>
    public static short ALawDecode(byte code) => ALawTable[code];

    /// <summary>Encodes one sample with the given law.</summary>
    public static byte Encode(G711Law law, short sample) =>
        law == G711Law.ALaw ? ALawEncode(sample) : MuLawEncode(sample);

    /// <summary>Decodes one code with the given law.</summary>
    public static short Decode(G711Law law, byte code) =>
        law == G711Law.ALaw ? ALawTable[code] : MuLawTable[code];

    /// <summary>Encodes linear samples to mu-law; returns the number of samples encoded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int MuLawEncode(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        int count = Math.Min(samples.Length, destination.Length);
        for (int i = 0; i < count; i++)
        {
            destination[i] = MuLawEncode(samples[i]);
        }

        return count;
    }

    /// <summary>Decodes mu-law codes to linear samples; returns the number of samples decoded.</summary>
    public static int MuLawDecode(ReadOnlySpan<byte> codes, Span<short> destination) =>
        DecodeWith(MuLawTable, codes, destination);

    /// <summary>Encodes linear samples to A-law; returns the number of samples encoded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ALawEncode(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        int count = Math.Min(samples.Length, destination.Length);
        for (int i = 0; i < count; i++)
        {
            destination[i] = ALawEncode(samples[i]);
        }

        return count;
    }

    /// <summary>Decodes A-law codes to linear samples; returns the number of samples decoded.</summary>
    public static int ALawDecode(ReadOnlySpan<byte> codes, Span<short> destination) =>
        DecodeWith(ALawTable, codes, destination);

    /// <summary>Encodes linear samples with the given law; returns the number encoded.</summary>
    public static int Encode(G711Law law, ReadOnlySpan<short> samples, Span<byte> destination) =>
        law == G711Law.ALaw ? ALawEncode(samples, destination) : MuLawEncode(samples, destination);

    /// <summary>Decodes codes with the given law; returns the number decoded.</summary>
    public static int Decode(G711Law law, ReadOnlySpan<byte> codes, Span<short> destination) =>
        DecodeWith(law == G711Law.ALaw ? ALawTable : MuLawTable, codes, destination);

    /// <summary>Converts one code from one law to the other through the linear value.</summary>
    public static byte Transcode(G711Law from, G711Law to, byte code) =>
        from == to ? code : Encode(to, Decode(from, code));

    /// <summary>Converts codes between laws; returns the number converted. Source and destination may be the same buffer.</summary>
    public static int Transcode(G711Law from, G711Law to, ReadOnlySpan<byte> codes, Span<byte> destination)
    {
        int count = Math.Min(codes.Length, destination.Length);
        for (int i = 0; i < count; i++)
        {
            destination[i] = Transcode(from, to, codes[i]);
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodeWith(short[] table, ReadOnlySpan<byte> codes, Span<short> destination)
    {
        int count = Math.Min(codes.Length, destination.Length);
        for (int i = 0; i < count; i++)
        {
            destination[i] = table[codes[i]];
        }

        return count;
    }

    private static short MuLawDecodeComputed(byte code)
    {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + MuLawBias;
        t <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? MuLawBias - t : t - MuLawBias);
    }

    private static short ALawDecodeComputed(byte code)
    {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        t = segment switch
        {
            0 => t + 8,
            1 => t + 0x108,
            _ => (t + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? t : -t);
    }

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (int i = 0; i < 256; i++)
        {
            table[i] = decode((byte)i);
        }

        return table;
    }
}
