namespace CallCluster.Terminal.Tests;

public sealed class TwoAgentCallTests
{
    [Theory]
    [InlineData(VideoCodec.Vp8, AudioCodec.Pcmu)]
    [InlineData(VideoCodec.H264, AudioCodec.Pcma)]
    public async Task Call_between_two_agents_carries_tones_and_video_and_bye_ends_both(VideoCodec video, AudioCodec codec)
    {
        await using var mobile = await TerminalAgent.StartAsync(Agents.Options("1001", 440, video) with { Codec = codec });
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, video) with { BoundMobiles = ["1001"], Codec = codec });
        var mobileEvents = new EventWaiter(mobile);
        var tvEvents = new EventWaiter(tv);

        var call = await mobile.PlaceCallAsync(tv.ContactUri);

        var incoming = await tvEvents.WaitFor<IncomingCallEvent>();
        Assert.Equal("auto-answer", incoming.Decision);
        Assert.True(incoming.CallerBound);
        Assert.Equal(call.CallId, incoming.CallId);
        var answered = await mobileEvents.WaitFor<CallAnsweredEvent>();
        Assert.Equal("remote", answered.How);
        Assert.Equal("auto", (await tvEvents.WaitFor<CallAnsweredEvent>()).How);

        var mobileStats = await Agents.WaitForStats(mobile, s => Agents.Stream(s, "audio")?.Tones.Contains(880) == true && Agents.Stream(s, "video")?.KeyFramesReceived > 0);
        var tvStats = await Agents.WaitForStats(tv, s => Agents.Stream(s, "audio")?.Tones.Contains(440) == true && Agents.Stream(s, "video")?.KeyFramesReceived > 0);
        var mobileAudio = Agents.Stream(mobileStats, "audio")!;
        var tvAudio = Agents.Stream(tvStats, "audio")!;
        Assert.Contains(880, mobileAudio.Tones);
        Assert.DoesNotContain(440, mobileAudio.Tones);
        Assert.Contains(440, tvAudio.Tones);
        Assert.DoesNotContain(880, tvAudio.Tones);
        Assert.Equal(codec == AudioCodec.Pcma ? "PCMA" : "PCMU", tvAudio.Codec);
        Assert.True(Agents.Stream(mobileStats, "video")!.KeyFramesReceived > 0);
        Assert.True(Agents.Stream(tvStats, "video")!.PacketsReceived > 0);
        Assert.Equal(video == VideoCodec.H264 ? "H264" : "VP8", Agents.Stream(tvStats, "video")!.Codec);

        Assert.True(await mobile.HangupAsync(call.CallId));
        Assert.Equal("local-bye", (await mobileEvents.WaitFor<CallEndedEvent>()).Reason);
        Assert.Equal("remote-bye", (await tvEvents.WaitFor<CallEndedEvent>()).Reason);
        Assert.Empty(mobile.GetStats().Calls);
        Assert.Empty(tv.GetStats().Calls);
    }

    [Fact]
    public async Task Mobile_holds_two_calls_at_once()
    {
        await using var mobile = await TerminalAgent.StartAsync(Agents.Options("1001", 440, VideoCodec.None));
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 660, VideoCodec.None) with { BoundMobiles = ["1001"] });
        await using var remote = await TerminalAgent.StartAsync(Agents.Options("remote", 1000, VideoCodec.None) with { AnswerAfterRinging = true, RingTime = TimeSpan.FromMilliseconds(200) });
        var mobileEvents = new EventWaiter(mobile);
        var remoteEvents = new EventWaiter(remote);

        var call1 = await mobile.PlaceCallAsync(tv.ContactUri);
        var call2 = await mobile.PlaceCallAsync(remote.ContactUri);

        Assert.Equal("ring-then-answer", (await remoteEvents.WaitFor<IncomingCallEvent>()).Decision);
        Assert.Equal("after-ringing", (await remoteEvents.WaitFor<CallAnsweredEvent>()).How);
        await mobileEvents.WaitFor<CallAnsweredEvent>(a => a.CallId == call1.CallId);
        await mobileEvents.WaitFor<CallAnsweredEvent>(a => a.CallId == call2.CallId);
        var stats = await Agents.WaitForStats(mobile, s => s.Calls.Count == 2 && s.Calls.All(c => c.Streams[0].Tones.Count > 0));
        Assert.Equal(2, stats.Calls.Count);
        Assert.Contains(660, stats.Calls.Single(c => c.CallId == call1.CallId).Streams[0].Tones);
        Assert.Contains(1000, stats.Calls.Single(c => c.CallId == call2.CallId).Streams[0].Tones);
    }
}
