using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Tests.Rtp;

public sealed class RtpSequenceTests
{
    [Theory]
    [InlineData(10, 11, 1)]
    [InlineData(11, 10, -1)]
    [InlineData(65535, 0, 1)]
    [InlineData(0, 65535, -1)]
    [InlineData(65000, 500, 1036)]
    [InlineData(0, 32767, 32767)]
    [InlineData(0, 32768, -32768)]
    public void Difference_wraps(int from, int to, int expected) =>
        Assert.Equal(expected, RtpSequence.Difference((ushort)from, (ushort)to));

    [Fact]
    public void Newer_and_timestamp_difference_wrap()
    {
        Assert.True(RtpSequence.IsNewer(2, 65530));
        Assert.False(RtpSequence.IsNewer(65530, 2));
        Assert.False(RtpSequence.IsNewer(7, 7));
        Assert.Equal(320, RtpSequence.TimestampDifference(uint.MaxValue - 159, 160));
        Assert.Equal(-160, RtpSequence.TimestampDifference(320, 160));
    }

    [Fact]
    public void Extend_follows_the_cycles()
    {
        long highest = 65530;
        foreach (ushort sequence in new ushort[] { 65531, 65535, 0, 3, 1 })
        {
            long extended = RtpSequence.Extend(highest, sequence);
            highest = Math.Max(highest, extended);
        }

        Assert.Equal(65539, highest);
        Assert.Equal(65537, RtpSequence.Extend(highest, 1));
        Assert.Equal(65535, RtpSequence.Extend(65537, 65535));
        Assert.Equal(131072 + 5, RtpSequence.Extend(131070, 5));
    }
}
