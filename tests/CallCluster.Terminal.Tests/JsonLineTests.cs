using System.Text.Json;
using CallCluster.Terminal.Json;

namespace CallCluster.Terminal.Tests;

public sealed class JsonLineTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);

    public static TheoryData<TerminalEvent, string> Events() => new()
    {
        { new RegisteredEvent(Time, "sip:tv@home", 600, "SHA-256"), "registered" },
        { new RegistrationFailedEvent(Time, "sip:tv@home", 403, "Forbidden"), "registration-failed" },
        { new IncomingCallEvent(Time, "c1", "sip:1001@home", "sip:1001@home", true, "Auto", true, true, "auto-answer"), "incoming-call" },
        { new CallAnsweredEvent(Time, "c1", "incoming", "auto", "sip:1001@home"), "answered" },
        { new CallStateEvent(Time, "c1", "ringing", 180), "call-state" },
        { new MediaStatsEvent(Time, "c1", [new StreamStats("audio", "PCMU", 4000, "127.0.0.1:5000", 10, 9, 1, 0.5, 0, 0, 0, 1, 1, [440], [440])]), "media" },
        { new CallEndedEvent(Time, "c1", "remote-bye", null), "ended" },
        { new TerminalErrorEvent(Time, "FormatException: bad"), "error" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Each_event_is_one_json_object_on_one_line(TerminalEvent e, string kind)
    {
        var line = TerminalJson.Format(e, "tv");
        Assert.DoesNotContain('\n', line);
        using var json = JsonDocument.Parse(line);
        Assert.Equal(kind, json.RootElement.GetProperty("event").GetString());
        Assert.Equal("2026-11-24T05:00:00.000Z", json.RootElement.GetProperty("time").GetString());
        Assert.Equal("tv", json.RootElement.GetProperty("agent").GetString());
    }

    [Fact]
    public void Media_line_carries_stream_statistics_and_tones()
    {
        var e = new MediaStatsEvent(Time, "c1", [new StreamStats("audio", "PCMU", 4000, null, 10, 9, 1, 0.25, 0, 0, 0, 1, 1, [440, 880], [880])]);
        using var json = JsonDocument.Parse(TerminalJson.Format(e, "mobile"));
        var stream = json.RootElement.GetProperty("streams")[0];
        Assert.Equal(9, stream.GetProperty("packetsReceived").GetInt64());
        Assert.Equal(1, stream.GetProperty("packetsLost").GetInt64());
        Assert.Equal(0.25, stream.GetProperty("jitterMs").GetDouble());
        Assert.Equal([440, 880], stream.GetProperty("tonesHz").EnumerateArray().Select(t => t.GetInt32()));
        Assert.Equal([880], stream.GetProperty("currentTonesHz").EnumerateArray().Select(t => t.GetInt32()));
        Assert.Equal(JsonValueKind.Null, stream.GetProperty("remote").ValueKind);
    }

    [Fact]
    public void Incoming_call_line_names_the_auto_answer_evidence()
    {
        var e = new IncomingCallEvent(Time, "c9", "sip:5555@x", null, false, null, false, false, "ring-then-reject");
        using var json = JsonDocument.Parse(TerminalJson.Format(e, "tv"));
        var root = json.RootElement;
        Assert.Equal("sip:5555@x", root.GetProperty("caller").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("assertedIdentity").ValueKind);
        Assert.False(root.GetProperty("callerBound").GetBoolean());
        Assert.Equal("ring-then-reject", root.GetProperty("decision").GetString());
    }
}
