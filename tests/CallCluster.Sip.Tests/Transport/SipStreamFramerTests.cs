using System.Buffers;
using System.Text;
using CallCluster.Sip.Transport;
using static CallCluster.Sip.Tests.Transport.FramingData;

namespace CallCluster.Sip.Tests.Transport;

public sealed class SipStreamFramerTests
{
    private static readonly SipFramerLimits Limits = SipFramerLimits.Default;

    /// <summary>Feeds the stream in two writes split at <paramref name="split"/>, framing as a connection would.</summary>
    private static List<(SipFrameKind Kind, string Text)> Feed(byte[] stream, int split, out SipFrameError error)
    {
        var frames = new List<(SipFrameKind, string)>();
        var pending = Array.Empty<byte>();
        error = SipFrameError.None;
        foreach (var chunk in new[] { stream[..split], stream[split..] })
        {
            pending = [.. pending, .. chunk];
            var buffer = Segments(pending[..(pending.Length / 2)], pending[(pending.Length / 2)..]);
            for (var guard = 0; guard < 100; guard++)
            {
                var status = SipStreamFramer.TryRead(buffer, Limits, out var frame, out error);
                if (status == SipFrameStatus.Invalid) return frames;
                if (status == SipFrameStatus.NeedMoreData) break;
                frames.Add((frame.Kind, Encoding.ASCII.GetString(frame.Message.ToArray())));
                buffer = buffer.Slice(frame.End);
            }
            pending = buffer.ToArray();
        }
        return frames;
    }

    [Fact]
    public void Every_split_point_of_several_messages_with_keepalives_gives_the_same_frames()
    {
        var a = Options("a");
        var invite = InviteWithBody();
        var b = Options("b");
        var stream = Ascii("\r\n\r\n" + a + invite + "\r\n\r\n" + b);
        for (var split = 0; split <= stream.Length; split++)
        {
            var frames = Feed(stream, split, out var error);
            Assert.Equal(SipFrameError.None, error);
            Assert.Equal(
                [(SipFrameKind.Ping, ""), (SipFrameKind.Message, a), (SipFrameKind.Message, invite), (SipFrameKind.Ping, ""), (SipFrameKind.Message, b)],
                frames);
        }
    }

    [Fact]
    public void Random_chunking_of_random_message_sequences_gives_the_same_frames()
    {
        var pieces = new (SipFrameKind Kind, string Text)[]
        {
            (SipFrameKind.Message, Options("r1")), (SipFrameKind.Message, InviteWithBody()), (SipFrameKind.Ping, ""),
        };
        var random = new Random(5626);
        for (var round = 0; round < 300; round++)
        {
            var chosen = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => pieces[random.Next(pieces.Length)]).ToList();
            var stream = Ascii(string.Concat(chosen.Select(p => p.Kind == SipFrameKind.Ping ? "\r\n\r\n" : p.Text)));
            var cuts = Enumerable.Range(0, random.Next(12)).Select(_ => random.Next(stream.Length + 1)).Append(0).Append(stream.Length)
                .Distinct().Order().ToArray();
            var frames = new List<(SipFrameKind, string)>();
            var pending = Array.Empty<byte>();
            for (var c = 1; c < cuts.Length; c++)
            {
                pending = [.. pending, .. stream[cuts[c - 1]..cuts[c]]];
                var buffer = Segments(pending[..(pending.Length / 3)], pending[(pending.Length / 3)..]);
                for (var guard = 0; guard < 20; guard++)
                {
                    var status = SipStreamFramer.TryRead(buffer, Limits, out var frame, out var error);
                    Assert.NotEqual(SipFrameStatus.Invalid, status);
                    if (status == SipFrameStatus.NeedMoreData) break;
                    frames.Add((frame.Kind, Encoding.ASCII.GetString(frame.Message.ToArray())));
                    buffer = buffer.Slice(frame.End);
                }
                pending = buffer.ToArray();
            }
            Assert.Equal(chosen.Select(p => (p.Kind, p.Text)), frames);
            Assert.Empty(pending);
        }
    }

    [Fact]
    public void Every_prefix_of_a_message_needs_more_data()
    {
        var invite = Ascii(InviteWithBody());
        for (var length = 0; length < invite.Length; length++)
        {
            var status = SipStreamFramer.TryRead(new ReadOnlySequence<byte>(invite, 0, length), Limits, out _, out var error);
            Assert.Equal(SipFrameStatus.NeedMoreData, status);
            Assert.Equal(SipFrameError.None, error);
        }
        Assert.Equal(SipFrameStatus.Done, SipStreamFramer.TryRead(new ReadOnlySequence<byte>(invite), Limits, out var frame, out _));
        Assert.Equal(invite.Length, frame.Message.Length);
    }

    [Fact]
    public void Single_crlf_before_a_message_is_skipped_as_pong()
    {
        var stream = new ReadOnlySequence<byte>(Ascii("\r\n" + Options("p")));
        Assert.Equal(SipFrameStatus.Done, SipStreamFramer.TryRead(stream, Limits, out var frame, out _));
        Assert.Equal(SipFrameKind.Pong, frame.Kind);
        Assert.Equal(2, stream.Slice(0, frame.End).Length);
    }

    [Fact]
    public void Missing_content_length_is_invalid()
    {
        var text = Options("x").Replace("Content-Length: 0\r\n", "");
        var status = SipStreamFramer.TryRead(new ReadOnlySequence<byte>(Ascii(text)), Limits, out _, out var error);
        Assert.Equal(SipFrameStatus.Invalid, status);
        Assert.Equal(SipFrameError.MissingContentLength, error);
    }

    [Theory]
    [InlineData("Content-Length: abc\r\n")]
    [InlineData("Content-Length: -1\r\n")]
    [InlineData("Content-Length: 1 2\r\n")]
    [InlineData("Content-Length: 12345678901234\r\n")]
    [InlineData("Content-Length:\r\n")]
    [InlineData("Content-Length: 0\r\nl: 5\r\n")]
    public void Bad_content_length_is_invalid(string header)
    {
        var text = Options("x").Replace("Content-Length: 0\r\n", header);
        var status = SipStreamFramer.TryRead(new ReadOnlySequence<byte>(Ascii(text)), Limits, out _, out var error);
        Assert.Equal(SipFrameStatus.Invalid, status);
        Assert.Equal(SipFrameError.BadContentLength, error);
    }

    [Theory]
    [InlineData("content-length : 4\r\n")]
    [InlineData("L:4\r\n")]
    [InlineData("Content-Length:\r\n 4\r\n")]
    [InlineData("Content-Length: 4\r\nContent-Length: 4\r\n")]
    public void Content_length_forms_are_recognised(string header)
    {
        var text = Options("x").Replace("Content-Length: 0\r\n", header) + "body";
        var status = SipStreamFramer.TryRead(new ReadOnlySequence<byte>(Ascii(text + "NEXT")), Limits, out var frame, out _);
        Assert.Equal(SipFrameStatus.Done, status);
        Assert.Equal(text, Encoding.ASCII.GetString(frame.Message.ToArray()));
    }

    [Fact]
    public void Header_section_limit_is_enforced_before_the_end_arrives()
    {
        var limits = new SipFramerLimits(MaxHeaderBytes: 100, MaxMessageBytes: 1000);
        var endless = Ascii("INVITE sip:a@b SIP/2.0\r\nX: " + new string('a', 200));
        var status = SipStreamFramer.TryRead(new ReadOnlySequence<byte>(endless), limits, out _, out var error);
        Assert.Equal(SipFrameStatus.Invalid, status);
        Assert.Equal(SipFrameError.HeaderSectionTooLarge, error);
        var whole = Ascii(Options("x"));
        Assert.Equal(SipFrameStatus.Invalid, SipStreamFramer.TryRead(new ReadOnlySequence<byte>(whole), limits with { MaxHeaderBytes = 50 }, out _, out error));
        Assert.Equal(SipFrameError.HeaderSectionTooLarge, error);
    }

    [Fact]
    public void Message_limit_is_enforced_from_content_length_alone()
    {
        var text = Options("x").Replace("Content-Length: 0", "Content-Length: 999999");
        var status = SipStreamFramer.TryRead(new ReadOnlySequence<byte>(Ascii(text)), Limits, out _, out var error);
        Assert.Equal(SipFrameStatus.Invalid, status);
        Assert.Equal(SipFrameError.MessageTooLarge, error);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        var seed = Ascii(Options("r") + InviteWithBody());
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])seed.Clone();
            for (var m = 0; m < 1 + random.Next(8); m++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var cut = random.Next(bytes.Length + 1);
            var status = SipStreamFramer.TryRead(Segments(bytes[..cut], bytes[cut..]), Limits, out var frame, out var error);
            Assert.True(status != SipFrameStatus.Invalid || error != SipFrameError.None);
            if (status == SipFrameStatus.Done) Assert.True(frame.Message.Length <= bytes.Length);
        }
    }
}
