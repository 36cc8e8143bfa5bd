using CallCluster.Media.Audio;

namespace CallCluster.Media.Tests.Audio;

public sealed class MixMathTests
{
    [Fact]
    public void Each_participant_hears_the_sum_of_the_others_and_never_itself()
    {
        short[] a = [100, -200, 300];
        short[] b = [10, 20, -30];
        short[] c = [1, 2, 3];
        var total = new int[3];
        MixMath.Accumulate(a, total);
        MixMath.Accumulate(b, total);
        MixMath.Accumulate(c, total);

        var heard = new short[3];
        MixMath.MinusOwn(total, a, heard);
        Assert.Equal([11, 22, -27], heard);
        MixMath.MinusOwn(total, b, heard);
        Assert.Equal([101, -198, 303], heard);
        MixMath.MinusOwn(total, c, heard);
        Assert.Equal([110, -180, 270], heard);
    }

    [Fact]
    public void Sums_beyond_16_bits_saturate_instead_of_wrapping()
    {
        short[] loud = [30000, -30000, 20000];
        short[] listener = [0, 0, 0];
        var total = new int[3];
        MixMath.Accumulate(loud, total);
        MixMath.Accumulate(loud, total);
        MixMath.Accumulate(listener, total);

        var heard = new short[3];
        MixMath.MinusOwn(total, listener, heard);

        Assert.Equal([short.MaxValue, short.MinValue, short.MaxValue], heard);
        Assert.Equal(short.MaxValue, MixMath.Clip(int.MaxValue));
        Assert.Equal(short.MinValue, MixMath.Clip(-40000));
        Assert.Equal((short)1234, MixMath.Clip(1234));
    }

    [Theory]
    [InlineData(160)]
    [InlineData(161)]
    [InlineData(7)]
    [InlineData(53)]
    public void Whole_vectors_and_the_samples_after_them_mix_as_sample_by_sample_arithmetic_does(int length)
    {
        var random = new Random(length);
        short Sample() => random.Next(4) == 0 ? (random.Next(2) == 0 ? short.MaxValue : short.MinValue) : (short)random.Next(short.MinValue, short.MaxValue + 1);
        var frames = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, length).Select(_ => Sample()).ToArray()).ToArray();

        var total = new int[length];
        foreach (var frame in frames)
        {
            MixMath.Accumulate(frame, total);
        }

        var heard = new short[length];
        for (int p = 0; p < frames.Length; p++)
        {
            MixMath.MinusOwn(total, frames[p], heard);
            for (int i = 0; i < length; i++)
            {
                int others = frames.Where((_, q) => q != p).Sum(f => f[i]);
                Assert.Equal(total[i], frames.Sum(f => f[i]));
                Assert.Equal((short)Math.Clamp(others, short.MinValue, short.MaxValue), heard[i]);
            }
        }
    }
}
