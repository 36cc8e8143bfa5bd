using CallCluster.Media.Streams;

namespace CallCluster.Media.Tests.Streams;

public sealed class StreamRewriterTests
{
    private const int Mixer = 1;
    private const int Peer = 2;

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void One_ssrc_and_consecutive_sequence_numbers_across_a_transfer_from_mixer_to_peer()
    {
        var rewriter = new StreamRewriter(0xCAFE, 8000, 160, initialSequence: 65534, initialTimestamp: 1000);
        var sent = new List<RewrittenIds>();
        for (int i = 0; i < 5; i++)
        {
            sent.Add(rewriter.Rewrite(Mixer, 0xAAAA, (ushort)(100 + i), (uint)(50_000 + (160 * i)), Ms(20 * i)));
        }

        for (int i = 0; i < 5; i++)
        {
            sent.Add(rewriter.Rewrite(Peer, 0xBBBB, (ushort)(9000 + i), (uint)(7_000_000 + (160 * i)), Ms(100 + (20 * i))));
        }

        Assert.All(sent, s => Assert.Equal(0xCAFEu, s.Ssrc));
        for (int i = 1; i < sent.Count; i++)
        {
            Assert.Equal((ushort)(sent[i - 1].SequenceNumber + 1), sent[i].SequenceNumber);
            Assert.True((int)(sent[i].Timestamp - sent[i - 1].Timestamp) >= 160, $"timestamp step at {i}");
        }

        Assert.Equal((ushort)65534, sent[0].SequenceNumber);
        Assert.Equal(1000u, sent[0].Timestamp);
        Assert.True(sent[5].SourceChanged);
        Assert.False(sent[6].SourceChanged);
        Assert.Equal(2, rewriter.SourceChanges);
    }

    [Fact]
    public void Timestamp_at_a_source_change_advances_by_the_elapsed_wall_time()
    {
        var rewriter = new StreamRewriter(1, 90000, 1, 0, 0);
        var first = rewriter.Rewrite(Mixer, 5, 10, 123, Ms(0));
        var second = rewriter.Rewrite(Peer, 6, 500, 999, Ms(100));

        Assert.Equal(9000u, second.Timestamp - first.Timestamp);
    }

    [Fact]
    public void Loss_and_reordering_within_a_source_are_kept_not_hidden()
    {
        var rewriter = new StreamRewriter(1, 8000, 160, 10, 0);
        var a = rewriter.Rewrite(Peer, 7, 100, 0, Ms(0));
        var c = rewriter.Rewrite(Peer, 7, 102, 320, Ms(40));
        var b = rewriter.Rewrite(Peer, 7, 101, 160, Ms(41));
        var d = rewriter.Rewrite(Mixer, 8, 1, 1, Ms(60));

        Assert.Equal((ushort)10, a.SequenceNumber);
        Assert.Equal((ushort)12, c.SequenceNumber);
        Assert.Equal((ushort)11, b.SequenceNumber);
        Assert.Equal(160u, b.Timestamp);
        Assert.Equal((ushort)13, d.SequenceNumber);
    }

    [Fact]
    public void A_new_ssrc_from_the_same_source_counts_as_a_change()
    {
        var rewriter = new StreamRewriter(1, 8000, 160, 0, 0);
        rewriter.Rewrite(Peer, 7, 100, 0, Ms(0));
        var restarted = rewriter.Rewrite(Peer, 8, 40000, 77, Ms(20));

        Assert.True(restarted.SourceChanged);
        Assert.Equal((ushort)1, restarted.SequenceNumber);
        Assert.Equal(160u, restarted.Timestamp);
    }
}
