using System.Text;
using CallCluster.Sip.Message;

namespace CallCluster.Sip.Tests.Message;

/// <summary>
/// 20,000 randomly corrupted valid messages (fixed seed): the parser returns a message or a reason, never
/// throws, and every typed value of a parsed message can be read without throwing.
/// </summary>
public sealed class MutationTests
{
    private const int Iterations = 20_000;
    private static readonly byte[] Interesting = "\r\n :;,\"<>\\%[]@=/?*\t0123456789"u8.ToArray().Concat(new byte[] { 0, 0x7F, 0xC3, 0xFF }).ToArray();

    private static List<byte[]> Corpus()
    {
        var corpus = new List<byte[]> { SampleMessages.InviteBytes, SampleMessages.Ok200Bytes };
        foreach (var set in new[] { "rfc4475", "rfc5118" })
        {
            corpus.AddRange(Directory.GetFiles(TortureData.Folder(set), "*.dat").Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
        }

        return corpus.Where(m => SipParser.TryParse(m, out _, out _)).ToList();
    }

    [Fact]
    public void Corrupted_messages_give_a_message_or_a_reason_and_never_throw()
    {
        var random = new Random(4475);
        var corpus = Corpus();
        Assert.True(corpus.Count > 40);
        var accepted = 0;
        var reasons = new HashSet<SipRejectReason>();
        for (var i = 0; i < Iterations; i++)
        {
            var input = Mutate(corpus[random.Next(corpus.Count)], random);
            if (SipParser.TryParse(input, SipParserLimits.Default, out var message, out var error))
            {
                accepted++;
                Assert.NotNull(message);
                Assert.False(error.IsError);
                MessageSurface.TouchEverything(message);
                Assert.True(SipParser.TryParse(message.ToBytes(), out var again, out _));
                Assert.Equal(message.HeaderCount, again!.HeaderCount);
            }
            else
            {
                Assert.Null(message);
                Assert.NotEqual(SipRejectReason.None, error.Reason);
                Assert.True(error.IsSilentDrop || error.ToStatusCode() is >= 400 and < 600);
                reasons.Add(error.Reason);
            }
        }

        Assert.InRange(accepted, 1, Iterations - 1);
        Assert.True(reasons.Count >= 8, "rejections cover only " + string.Join(",", reasons));
    }

    [Fact]
    public void Random_garbage_is_rejected_without_throwing()
    {
        var random = new Random(5118);
        for (var i = 0; i < 2_000; i++)
        {
            var garbage = new byte[random.Next(0, 400)];
            random.NextBytes(garbage);
            Assert.False(SipParser.TryParse(garbage, out _, out var error));
            Assert.True(error.IsError);
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        var count = random.Next(1, 5);
        for (var k = 0; k < count && bytes.Count > 0; k++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                    break;
                case 4:
                    var len = Math.Min(random.Next(1, 40), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, len));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.ToArray();
    }

    [Fact]
    public void Mutated_header_lines_from_a_known_message_still_parse_typed_values_safely()
    {
        var text = SampleMessages.Invite;
        var random = new Random(3261);
        var lines = text.Split("\r\n");
        var parsed = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var index = random.Next(1, 15);
            var chars = lines[index].ToCharArray();
            for (var k = 0; k < 3; k++)
            {
                chars[random.Next(chars.Length)] = (char)Interesting[random.Next(Interesting.Length - 4)];
            }

            var mutated = string.Join("\r\n", lines.Select((l, j) => j == index ? new string(chars) : l));
            if (SipParser.TryParse(Encoding.UTF8.GetBytes(mutated), out var m, out _))
            {
                parsed++;
                MessageSurface.TouchEverything(m!);
            }
        }

        Assert.InRange(parsed, 1, 1_999);
    }
}
