using System.Globalization;
using System.Net;

namespace CallCluster.MediaBench;

/// <summary>
/// rtpengine driven over ng: per call an offer with SDP naming generator port A (the reply's SDP
/// gives the port B sends to) and an answer with SDP naming port B (the reply gives A's port).
/// </summary>
public sealed class RtpengineTarget(IPEndPoint control) : IMediaTarget
{
    private readonly NgClient client = new(control);
    private readonly List<string> calls = [];
    private readonly string run = Guid.NewGuid().ToString("N")[..8];

    public string Name => "rtpengine";

    public (int SendToFromA, int SendToFromB) CreateRelay(int call, int portA, int portB)
    {
        string callId = $"mb-{run}-{call}";
        var offer = client.Request(new Dictionary<string, object>
        {
            ["command"] = "offer",
            ["call-id"] = callId,
            ["from-tag"] = "a",
            ["sdp"] = Sdp(portA),
        });
        calls.Add(callId);
        int toB = AudioPort(offer);
        var answer = client.Request(new Dictionary<string, object>
        {
            ["command"] = "answer",
            ["call-id"] = callId,
            ["from-tag"] = "a",
            ["to-tag"] = "b",
            ["sdp"] = Sdp(portB),
        });
        return (AudioPort(answer), toB);
    }

    public IReadOnlyList<int> CreateMix(int mix, IReadOnlyList<int> participantPorts) =>
        throw new InvalidOperationException("rtpengine does not mix here: three-party mixes are measured on our media node only (--target ours)");

    public (long Ticks, long Missed, long Late, long Gen0)? MixTicks() => null;

    public void ReleaseAll()
    {
        foreach (var callId in calls)
        {
            client.Request(new Dictionary<string, object> { ["command"] = "delete", ["call-id"] = callId });
        }

        calls.Clear();
    }

    public void Dispose()
    {
        ReleaseAll();
        client.Dispose();
    }

    /// <summary>A PCMU offer or answer for a terminal at 127.0.0.1:<paramref name="port"/>.</summary>
    public static string Sdp(int port) =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        $"m=audio {port.ToString(CultureInfo.InvariantCulture)} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n";

    /// <summary>The port of the first m=audio line of the reply's SDP.</summary>
    public static int AudioPort(IReadOnlyDictionary<string, object> reply)
    {
        if (reply.GetValueOrDefault("sdp") is not string sdp)
        {
            throw new FormatException("ng reply without sdp");
        }

        foreach (var line in sdp.Split('\n'))
        {
            if (line.StartsWith("m=audio ", StringComparison.Ordinal))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536)
                {
                    return port;
                }

                break;
            }
        }

        throw new FormatException("ng reply's SDP has no usable m=audio port");
    }
}
