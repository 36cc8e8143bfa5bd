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
}
