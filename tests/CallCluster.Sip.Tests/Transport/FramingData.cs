using System.Buffers;
using System.Text;

namespace CallCluster.Sip.Tests.Transport;

internal static class FramingData
{
    public static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    public static string Options(string branch) =>
        "OPTIONS sip:bob@example.com SIP/2.0\r\n" +
        $"Via: SIP/2.0/TCP client.example.com;branch=z9hG4bK{branch}\r\n" +
        "Max-Forwards: 70\r\nTo: <sip:bob@example.com>\r\nFrom: <sip:alice@example.com>;tag=1\r\n" +
        $"Call-ID: {branch}@client\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    public static string InviteWithBody()
    {
        const string body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        return "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/TCP c.example.com;branch=z9hG4bKinv\r\n" +
            "Max-Forwards: 70\r\nTo: <sip:bob@example.com>\r\nFrom: <sip:alice@example.com>;tag=2\r\nCall-ID: inv@c\r\n" +
            $"CSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nl: {Encoding.ASCII.GetByteCount(body)}\r\n\r\n{body}";
    }

    /// <summary>A sequence made of the given pieces as separate segments.</summary>
    public static ReadOnlySequence<byte> Segments(params byte[][] pieces)
    {
        var nonEmpty = pieces.Where(p => p.Length > 0).ToArray();
        if (nonEmpty.Length == 0) return ReadOnlySequence<byte>.Empty;
        var first = new Segment(nonEmpty[0], 0);
        var last = first;
        foreach (var p in nonEmpty.Skip(1)) last = last.Append(p);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
