using CallCluster.Sip.Dialogs;

namespace CallCluster.Sip.Tests.Dialogs;

public sealed class DialogSequenceTests
{
    [Fact]
    public void Local_sequence_increments_by_one()
    {
        var next = DialogSamples.Confirmed().NextLocal();

        Assert.Equal(314160, next.LocalCSeq);
    }

    [Fact]
    public void First_request_sets_an_empty_remote_sequence()
    {
        Assert.True(DialogSamples.Confirmed().TryAcceptRemote(7, out var updated));
        Assert.Equal(7, updated.RemoteCSeq);
    }

    [Fact]
    public void Lower_remote_sequence_is_rejected_and_the_state_is_unchanged()
    {
        var dialog = DialogSamples.Confirmed() with { RemoteCSeq = 10 };

        Assert.False(dialog.TryAcceptRemote(9, out var updated));
        Assert.Equal(10, updated.RemoteCSeq);
        Assert.Equal(500, DialogSequence.OutOfOrderStatus);
    }

    [Fact]
    public void Higher_remote_sequence_is_accepted_and_stored()
    {
        var dialog = DialogSamples.Confirmed() with { RemoteCSeq = 10 };

        Assert.True(dialog.TryAcceptRemote(12, out var updated));
        Assert.Equal(12, updated.RemoteCSeq);
    }

    [Fact]
    public void Equal_remote_sequence_is_accepted_without_change()
    {
        var dialog = DialogSamples.Confirmed() with { RemoteCSeq = 10 };

        Assert.True(dialog.TryAcceptRemote(10, out var updated));
        Assert.Equal(10, updated.RemoteCSeq);
    }

    [Fact]
    public void Sequence_numbers_beyond_32_bits_are_rejected()
    {
        Assert.False(DialogSamples.Confirmed().TryAcceptRemote(1L << 32, out _));
        Assert.False(DialogSamples.Confirmed().TryAcceptRemote(-1, out _));
    }
}
