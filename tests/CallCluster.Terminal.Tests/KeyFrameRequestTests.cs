using System.Net;
using System.Net.Sockets;
using CallCluster.Sip.Rtp;

namespace CallCluster.Terminal.Tests;

public sealed class KeyFrameRequestTests
{
    [Fact]
    public async Task Pli_is_answered_with_a_key_frame()
    {
        await using var mobile = await TerminalAgent.StartAsync(Agents.Options("1001", 440) with { KeyFrameInterval = 100_000 });
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880) with { BoundMobiles = ["1001"], KeyFrameInterval = 100_000 });
        var tvEvents = new EventWaiter(tv);
        await mobile.PlaceCallAsync(tv.ContactUri);
        await tvEvents.WaitFor<CallAnsweredEvent>();
        var before = await Agents.WaitForStats(tv, s => Agents.Stream(s, "video")?.KeyFramesSent == 1);
        var video = Agents.Stream(before, "video")!;
        Assert.Equal(1, video.KeyFramesSent);

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var buffer = new byte[64];
        Assert.True(RtcpCompound.TryWrite(buffer, [new RtcpPictureLossIndication(1234, 0)], out var written));
        await socket.SendToAsync(buffer.AsMemory(0, written), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, video.LocalPort));

        var after = await Agents.WaitForStats(tv, s => Agents.Stream(s, "video")?.KeyFramesSent >= 2);
        Assert.Equal(1, Agents.Stream(after, "video")!.KeyFrameRequests);
        Assert.Equal(2, Agents.Stream(after, "video")!.KeyFramesSent);
        var mobileStats = await Agents.WaitForStats(mobile, s => Agents.Stream(s, "video")?.KeyFramesReceived >= 2);
        Assert.Equal(2, Agents.Stream(mobileStats, "video")!.KeyFramesReceived);
    }
}
