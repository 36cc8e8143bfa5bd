using System.Buffers.Binary;
using System.Text;

namespace CallCluster.Interop.Tests.Baresip;

/// <summary>
/// A 16-bit PCM WAV file written by baresip's sndfile module, read while baresip may still be
/// writing it: the samples are everything after the data chunk header (its size field is only
/// final once the call ended). Stereo is reduced to the first channel.
/// </summary>
public sealed record WavDump(string Path, int SampleRate, short[] Samples)
{
    private const int MaxBytes = 64 * 1024 * 1024;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);

    public static WavDump Read(string path)
    {
        byte[] bytes;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            var length = (int)Math.Min(file.Length, MaxBytes);
            bytes = new byte[length];
            file.ReadExactly(bytes);
        }
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
        {
            return new WavDump(path, 8000, []);
        }
        int rate = 8000, channels = 1, bits = 16;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            var body = offset + 8;
            if (id == "fmt " && body + 16 <= bytes.Length)
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(body + 4));
                bits = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 14));
            }
            else if (id == "data")
            {
                return bits == 16 && channels >= 1 && rate > 0
                    ? new WavDump(path, rate, Pcm(bytes.AsSpan(body), channels))
                    : throw new InvalidDataException($"{path}: {bits}-bit {channels} channel audio, expected 16-bit PCM");
            }
            if (size < 0)
            {
                break;
            }
            offset = body + size + (size & 1);
        }
        return new WavDump(path, rate, []);
    }

    /// <summary>Samples from <paramref name="from"/> to <paramref name="to"/> (clamped to what exists).</summary>
    public ReadOnlySpan<short> Slice(TimeSpan from, TimeSpan to)
    {
        var start = Math.Clamp((int)(from.TotalSeconds * SampleRate), 0, Samples.Length);
        var end = Math.Clamp((int)(to.TotalSeconds * SampleRate), start, Samples.Length);
        return Samples.AsSpan(start, end - start);
    }

    private static short[] Pcm(ReadOnlySpan<byte> data, int channels)
    {
        var frameBytes = 2 * channels;
        var frames = data.Length / frameBytes;
        var samples = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(i * frameBytes)..]);
        }
        return samples;
    }
}
