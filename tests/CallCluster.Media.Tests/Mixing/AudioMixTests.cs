using System.Net;
using System.Net.Sockets;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Mixing;
using CallCluster.Media.Streams;
using CallCluster.Media.Transport;
using CallCluster.Sip.Codecs;
using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Tests.Mixing;

public sealed class AudioMixTests : IDisposable
{
    private readonly List<IDisposable> owned = [];

    [Fact]
    public void Pcmu_speech_reaches_a_pcma_listener_as_the_same_samples_and_never_its_own_sender()
    {
        var (mu, muPeer) = Stream(CodecSpec.Pcmu, 1);
        var (alaw, alawPeer) = Stream(CodecSpec.Pcma, 2);
        var (silent, silentPeer) = Stream(CodecSpec.Pcmu, 3);
        var inputs = new[] { new MixInput(mu), new MixInput(alaw), new MixInput(silent) };
        var mix = new AudioMix(100, "s", [.. inputs.Select((input, i) => new MixParticipant($"p{i}", [input]))]);
        mix.Attach();

        var spoken = new List<byte[]>();
        for (int frame = 0; frame < 5; frame++)
        {
            var payload = Enumerable.Range(0, 160).Select(i => (byte)((frame * 37) + i)).ToArray();
            spoken.Add(payload);
            Feed(inputs[0], mu, new RtpHeader(0, (ushort)(500 + frame), (uint)(8000 + (160 * frame)), 0xABCD), payload);
        }

        for (int tick = 0; tick < 7; tick++)
        {
            mix.Tick(TimeSpan.FromMilliseconds(20 * tick));
        }

        var heardByA = Receive(alawPeer, 7);
        var heardBySilent = Receive(silentPeer, 7);
        var heardByMu = Receive(muPeer, 7);
        Assert.All(heardByA, p => Assert.Equal(8, p.PayloadType));
        foreach (var payload in spoken)
        {
            var expected = payload.Select(code => G711.ALawEncode(G711.MuLawDecode(code))).ToArray();
            Assert.Contains(heardByA, p => p.Payload.SequenceEqual(expected));
            Assert.Contains(heardBySilent, p => p.Payload.SequenceEqual(payload.Select(code => G711.MuLawEncode(G711.MuLawDecode(code)))));
        }

        // The speaker hears only the two silent participants: silence.
        Assert.All(heardByMu, p => Assert.All(p.Payload, code => Assert.InRange(Math.Abs((int)G711.MuLawDecode(code)), 0, 8)));
        Assert.Single(heardByA.Select(p => p.Ssrc).Distinct());
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (ushort)(heardByA[0].SequenceNumber + i)), heardByA.Select(p => p.SequenceNumber));
    }

    [Fact]
    public void The_tick_receives_what_a_participant_sent_over_udp_and_a_detached_mix_hands_the_socket_back_to_its_receive_loop()
    {
        var (speaker, speakerPeer) = Stream(CodecSpec.Pcmu, 1);
        var (listener, listenerPeer) = Stream(CodecSpec.Pcmu, 2);
        speaker.Start();
        listener.Start();
        var mix = new AudioMix(100, "s", [new MixParticipant("a", [new MixInput(speaker)]), new MixParticipant("b", [new MixInput(listener)])]);
        mix.Attach();

        var payload = Enumerable.Range(0, 160).Select(i => (byte)(i + 1)).ToArray();
        var packet = new byte[12 + payload.Length];
        for (int frame = 0; frame < 4; frame++)
        {
            Assert.True(RtpPacket.TryWrite(packet, new RtpHeader(0, (ushort)(10 + frame), (uint)(160 * frame), 0x1234), payload, out _));
            speakerPeer.SendTo(packet, new IPEndPoint(IPAddress.Loopback, speaker.RtpPort));
        }
        Thread.Sleep(200);
        Assert.Equal(0, speaker.RtpReceived);

        for (int tick = 0; tick < 6; tick++)
        {
            mix.Tick(TimeSpan.FromMilliseconds(20 * tick));
        }
        Assert.Equal(4, speaker.RtpReceived);
        var expected = payload.Select(code => G711.MuLawEncode(G711.MuLawDecode(code))).ToArray();
        Assert.Contains(Receive(listenerPeer, 6), p => p.Payload.SequenceEqual(expected));

        mix.Detach();
        speakerPeer.SendTo(packet, new IPEndPoint(IPAddress.Loopback, speaker.RtpPort));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (speaker.RtpReceived < 5 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }
        Assert.Equal(5, speaker.RtpReceived);
    }

    [Fact]
    public void Detached_mix_stops_sending()
    {
        var (a, aPeer) = Stream(CodecSpec.Pcmu, 1);
        var (b, _) = Stream(CodecSpec.Pcmu, 2);
        var mix = new AudioMix(100, "s", [new MixParticipant("a", [new MixInput(a)]), new MixParticipant("b", [new MixInput(b)])]);
        mix.Attach();
        mix.Tick(TimeSpan.Zero);
        Assert.Single(Receive(aPeer, 1));

        mix.Detach();
        mix.Tick(TimeSpan.FromMilliseconds(20));
        Assert.Empty(Receive(aPeer, 1, TimeSpan.FromMilliseconds(300)));
        Assert.Null(a.Sink);
    }

    public void Dispose()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }

    private (MediaStream Stream, Socket Peer) Stream(CodecSpec codec, int key)
    {
        var channel = UdpChannel.TryBind(IPAddress.Loopback, 0)!;
        var stream = new MediaStream(key, MediaKind.Audio, channel, null, [codec], TimeProvider.System);
        var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)peer.LocalEndPoint!).Port;
        stream.Configure(new StreamConfiguration(MediaKind.Audio, "127.0.0.1", port, port, [codec], RtcpMux: true));
        owned.Add(stream);
        owned.Add(peer);
        return (stream, peer);
    }

    private static void Feed(MixInput input, MediaStream stream, RtpHeader header, byte[] payload)
    {
        var packet = new byte[12 + payload.Length];
        Assert.True(RtpPacket.TryWrite(packet, header, payload, out _));
        input.OnRtp(stream, packet, header, 12, payload.Length);
    }

    private static List<(uint Ssrc, ushort SequenceNumber, byte PayloadType, byte[] Payload)> Receive(Socket peer, int most, TimeSpan? wait = null)
    {
        var result = new List<(uint, ushort, byte, byte[])>();
        var buffer = new byte[2048];
        peer.ReceiveTimeout = (int)(wait ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
        while (result.Count < most)
        {
            int length;
            try
            {
                length = peer.Receive(buffer);
            }
            catch (SocketException)
            {
                break;
            }

            Assert.True(RtpPacket.TryRead(buffer.AsSpan(0, length), out var packet, out _));
            result.Add((packet.Header.Ssrc, packet.Header.SequenceNumber, packet.Header.PayloadType, packet.Payload.ToArray()));
        }

        return result;
    }
}
