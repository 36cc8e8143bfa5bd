using System.Text;

namespace CallCluster.MediaBench;

/// <summary>
/// The <c>selftest</c> mode: checks the ng reply parsing (bencode) on known replies and on
/// malformed ones, without rtpengine. Prints one line per failure; returns the failure count.
/// </summary>
public static class SelfTest
{
    public static int Run(TextWriter output)
    {
        int failures = 0;
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                failures++;
                output.WriteLine("selftest FAILED: " + what);
            }
        }

        const string Sdp = "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 48000 RTP/AVP 0\r\na=rtcp:48001\r\n";
        var reply = NgClient.ParseReply(Bytes($"c1 d3:sdp{Sdp.Length}:{Sdp}6:result2:oke"), "c1");
        Check(reply is not null && RtpengineTarget.AudioPort(reply) == 48000, "offer reply gives the m=audio port");
        Check(NgClient.ParseReply(Bytes("c0 d6:result2:oke"), "c1") is null, "a reply to another cookie is skipped");
        Check(Throws<InvalidOperationException>(() => NgClient.ParseReply(Bytes("c1 d12:error-reason16:Ran out of ports6:result5:errore"), "c1"), "Ran out of ports"), "error reply names the reason");
        Check(Bencode.Decode(Bytes("li-42ei7e3:abcd1:ai1eee")) is List<object> { Count: 4 } list && (long)list[0] == -42 && (string)list[2] == "abc", "list of integers, string, dictionary");
        Check(Bencode.Encode(new Dictionary<string, object> { ["to-tag"] = "b", ["call-id"] = "x", ["n"] = 5 }) == "d7:call-id1:x1:ni5e6:to-tag1:be", "keys sorted, values encoded");
        foreach (var bad in new[] { "", "5:abc", "i12", "ie", "i1x2e", "d3:abc", "l", "di1ei2ee", "3:abcX", "x", "99999999999999999999999:a", new string('l', 100) + new string('e', 100) })
        {
            Check(Throws<FormatException>(() => Bencode.Decode(Bytes(bad)), ""), $"malformed '{(bad.Length > 20 ? bad[..20] + "..." : bad)}' is rejected");
        }

        Check(Throws<FormatException>(() => NgClient.ParseReply(Bytes("nocookie"), "c1"), "cookie"), "reply without a cookie is rejected");
        Check(Throws<FormatException>(() => RtpengineTarget.AudioPort(new Dictionary<string, object> { ["sdp"] = "v=0\r\nm=audio x RTP/AVP 0\r\n" }), "m=audio"), "SDP without a usable port is rejected");
        output.WriteLine(failures == 0 ? "selftest ok" : $"selftest: {failures} failure(s)");
        return failures;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static bool Throws<T>(Action action, string messagePart)
        where T : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (T e)
        {
            return e.Message.Contains(messagePart, StringComparison.Ordinal);
        }
    }
}
