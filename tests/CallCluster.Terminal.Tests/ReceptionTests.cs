using System.Net;
using System.Net.Sockets;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Message;
using CallCluster.Sip.Rtp;

namespace CallCluster.Terminal.Tests;

public sealed class ReceptionTests
{
    [Fact]
    public async Task Loss_is_counted_from_sequence_gaps()
    {
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"] });
        var events = new EventWaiter(tv);
        using var peer = new RawSipPeer();
        using var media = RawSipPeer.MediaSocket();
        var port = ((IPEndPoint)media.LocalEndPoint!).Port;
        await peer.Send(peer.Request("INVITE", tv.ContactUri, 1, RawSipPeer.Sdp(port, 1)), tv.SipEndPoint);
        var ok = Assert.IsType<SipResponse>(await peer.Receive(m => m is SipResponse { StatusCode: 200 }));
        peer.RemoteTag = ok.To!.Tag;
        await peer.Send(peer.Request("ACK", tv.ContactUri, 1), tv.SipEndPoint);
        await events.WaitFor<CallAnsweredEvent>();
        var audioPort = Agents.Stream(tv.GetStats(), "audio")!.LocalPort;

        var packet = new byte[RtpHeader.FixedLength + 160];
        var payload = new byte[160];
        payload.AsSpan().Fill(0xFF);
        foreach (var sequence in new ushort[] { 100, 101, 102, 103, 105, 107, 108, 109 })
        {
            var header = new RtpHeader(0, sequence, (uint)(sequence * 160), 0xABCDEF);
            Assert.True(RtpPacket.TryWrite(packet, header, payload, out var written));
            await media.SendToAsync(packet.AsMemory(0, written), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, audioPort));
        }

        var stats = await Agents.WaitForStats(tv, s => Agents.Stream(s, "audio")?.PacketsReceived == 8);
        var audio = Agents.Stream(stats, "audio")!;
        Assert.Equal(8, audio.PacketsReceived);
        Assert.Equal(2, audio.PacketsLost);
        Assert.Empty(audio.Tones);
    }

    [Fact]
    public async Task Garbage_on_the_sip_and_rtp_ports_does_not_stop_the_terminal()
    {
        await using var tv = await TerminalAgent.StartAsync(Agents.Options("tv", 880, VideoCodec.None) with { BoundMobiles = ["1001"] });
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var random = new Random(7);
        for (var i = 0; i < 50; i++)
        {
            var junk = new byte[random.Next(1, 1400)];
            random.NextBytes(junk);
            await socket.SendToAsync(junk, SocketFlags.None, tv.SipEndPoint);
        }

        await socket.SendToAsync("INVITE sip:x SIP/2.0\r\nVia: nonsense\r\n\r\n"u8.ToArray(), SocketFlags.None, tv.SipEndPoint);
        using var peer = new RawSipPeer();
        await peer.Send(peer.Request("OPTIONS", tv.ContactUri, 1), tv.SipEndPoint);
        Assert.Equal(200, Assert.IsType<SipResponse>(await peer.Receive(m => m is SipResponse)).StatusCode);
    }

    [Fact]
    public async Task Phone_exits_1_when_registration_is_refused()
    {
        await using var registrar = new TinyRegistrar("tv", "secret", [DigestAlgorithm.Sha256]);
        var output = new StringWriter();
        var code = await PhoneCommand.RunAsync(["--user", "tv", "--password", "wrong", "--registrar", registrar.EndPoint.ToString(), "--duration", "1"], output, new StringWriter(), CancellationToken.None);
        Assert.Equal(1, code);
        Assert.Contains("\"event\":\"registration-failed\"", output.ToString());
    }
}
