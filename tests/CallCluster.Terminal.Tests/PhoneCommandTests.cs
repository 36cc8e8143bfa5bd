namespace CallCluster.Terminal.Tests;

public sealed class PhoneCommandTests
{
    [Fact]
    public void Options_are_parsed_into_terminal_options()
    {
        Assert.True(PhoneArguments.TryParse(
            ["--user", "tv", "--password", "pw", "--registrar", "127.0.0.1:5060", "--tone", "880", "--codec", "pcma", "--video", "h264",
             "--bound-mobile", "1001,1002", "--bound-mobile", "1003", "--answer-after-ringing", "--ring-time", "2", "--call", "remote", "--call", "sip:x@127.0.0.1:5070",
             "--header", "X-Home-Call: abc"], out var parsed, out var error), error);
        Assert.NotNull(parsed);
        Assert.Equal("tv", parsed.Options.User);
        Assert.Equal(880, parsed.Options.ToneHz);
        Assert.Equal(AudioCodec.Pcma, parsed.Options.Codec);
        Assert.Equal(VideoCodec.H264, parsed.Options.Video);
        Assert.Equal(["1001", "1002", "1003"], parsed.Options.BoundMobiles);
        Assert.True(parsed.Options.AnswerAfterRinging);
        Assert.Equal(TimeSpan.FromSeconds(2), parsed.Options.RingTime);
        Assert.Equal(5060, parsed.Options.Registrar!.Port);
        Assert.Equal(2, parsed.Calls.Count);
        Assert.Equal("abc", parsed.Headers["X-Home-Call"]);
    }

    [Theory]
    [InlineData("--password", "x")]
    [InlineData("--user", "tv", "--codec", "G722")]
    [InlineData("--user", "tv", "--registrar", "nowhere")]
    [InlineData("--user", "tv", "--bogus", "1")]
    [InlineData("--user", "tv", "--header", "no colon")]
    [InlineData("--user", "tv", "--reject-status", "500")]
    [InlineData("--user")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(2, await PhoneCommand.RunAsync(args, output, errors, CancellationToken.None));
        Assert.Contains("callcluster phone", errors.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task Phone_prints_json_lines_for_a_call()
    {
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"] });
        var output = new StringWriter();
        var code = await PhoneCommand.RunAsync(
            ["--user", "1001", "--video", "none", "--call", tv.ContactUri, "--hangup-after", "1.5", "--duration", "2", "--stats", "0.5"],
            output, new StringWriter(), CancellationToken.None);
        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var kinds = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("event").GetString()).ToList();
        Assert.Contains("answered", kinds);
        Assert.Contains("media", kinds);
        Assert.Equal("ended", kinds[^1]);
    }

    [Fact]
    public async Task Bad_targets_and_headers_are_refused_and_the_agent_keeps_working()
    {
        await using var mobile = await TerminalAgent.StartAsync(Agents.Options("1001", 440, VideoCodec.None));
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"] });
        await Assert.ThrowsAsync<ArgumentException>(() => mobile.PlaceCallAsync("sip:nobody@unresolvable.example"));
        await Assert.ThrowsAsync<ArgumentException>(() => mobile.PlaceCallAsync(tv.ContactUri, new Dictionary<string, string> { ["Bad Header"] = "x" }));
        Assert.Empty(mobile.GetStats().Calls);

        var events = new EventWaiter(mobile);
        await mobile.PlaceCallAsync(tv.ContactUri);
        await events.WaitFor<CallAnsweredEvent>();
    }
}
