using CallCluster.Sip.Rtp.Payloads;

namespace CallCluster.Sip.Tests.Rtp.Payloads;

public sealed class TelephoneEventTests
{
    [Fact]
    public void Reads_and_writes_the_rfc_4733_layout()
    {
        byte[] payload = [0x0B, 0x8A, 0x03, 0x20]; // '#', end, volume 10, duration 800
        Assert.True(TelephoneEvent.TryRead(payload, out var value));
        Assert.Equal(new TelephoneEvent(11, true, 10, 800), value);
        Assert.Equal('#', value.Digit);
        var written = new byte[4];
        Assert.True(value.TryWrite(written));
        Assert.Equal(payload, written);
    }

    [Fact]
    public void Maps_digits_both_ways_and_rejects_short_input()
    {
        Assert.Equal((byte)10, TelephoneEvent.EventFor('*'));
        Assert.Equal((byte)15, TelephoneEvent.EventFor('d'));
        Assert.Null(TelephoneEvent.EventFor('x'));
        Assert.Null(new TelephoneEvent(16, false, 0, 0).Digit);
        Assert.False(TelephoneEvent.TryRead([1, 2, 3], out _));
        Assert.False(new TelephoneEvent(1, false, 0, 0).TryWrite(new byte[3]));
    }
}
