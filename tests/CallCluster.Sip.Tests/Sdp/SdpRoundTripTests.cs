using CallCluster.Sip.Rtp;
using CallCluster.Sip.Sdp;

namespace CallCluster.Sip.Tests.Sdp;

/// <summary>Seeded random descriptions: parse(serialise(x)) == x.</summary>
public sealed class SdpRoundTripTests
{
    private static readonly string[] Addresses = ["192.0.2.1", "10.1.2.3", "2001:db8::5", "0.0.0.0", "host.example.com"];
    private static readonly string[] Protocols = ["RTP/AVP", "RTP/AVPF", "RTP/SAVP", "UDP/TLS/RTP/SAVPF"];

    [Fact]
    public void Random_descriptions_round_trip()
    {
        var random = new Random(3264);
        for (int i = 0; i < 1_000; i++)
        {
            var sdp = RandomDescription(random);
            var bytes = sdp.ToBytes();
            Assert.True(SdpParser.TryParse(bytes, out var parsed, out var error), $"{error}\n{sdp}");
            Assert.Equal(sdp, parsed);
        }
    }

    private static string Token(Random random, int max = 12) =>
        new(Enumerable.Range(0, 1 + random.Next(max)).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789-._"[random.Next(39)]).ToArray());

    private static string Text(Random random) =>
        string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Token(random)));

    private static SdpConnection Connection(Random random) => SdpConnection.Create(Addresses[random.Next(Addresses.Length)]);

    private static ValueList<SdpBandwidth> Bandwidths(Random random) =>
        ValueList.From(Enumerable.Range(0, random.Next(3)).Select(_ => new SdpBandwidth(random.Next(2) == 0 ? "AS" : "TIAS", random.Next(1_000_000))));

    private static SdpAttribute Attribute(Random random, int payloadType) => random.Next(9) switch
    {
        0 => new SdpAttribute("rtpmap", new RtpMap(payloadType, Token(random, 8), 8000 * (1 + random.Next(12)), random.Next(2) == 0 ? null : 2).ToString()),
        1 => new SdpAttribute("fmtp", $"{payloadType} {Token(random)}={Token(random)};{Token(random)}={Token(random)}"),
        2 => new SdpAttribute("rtcp-fb", random.Next(2) == 0 ? $"{payloadType} nack pli" : "* ccm fir"),
        3 => new SdpAttribute("rtcp", random.Next(2) == 0 ? $"{random.Next(65536)}" : $"{random.Next(65536)} {Connection(random)}"),
        4 => new SdpAttribute(((SdpDirection)random.Next(4)).ToAttributeName()),
        5 => new SdpAttribute("ptime", $"{10 * (1 + random.Next(6))}"),
        6 => new SdpAttribute("rtcp-mux"),
        7 => new SdpAttribute(Token(random), Text(random)),
        _ => new SdpAttribute(Token(random), random.Next(2) == 0 ? null : string.Empty),
    };

    private static MediaDescription Media(Random random)
    {
        var payloadTypes = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => random.Next(128)).ToArray();
        return new MediaDescription
        {
            Media = random.Next(2) == 0 ? "audio" : "video",
            Port = random.Next(65536),
            PortCount = random.Next(4) == 0 ? 2 : null,
            Protocol = Protocols[random.Next(Protocols.Length)],
            Formats = ValueList.From(payloadTypes.Select(pt => pt.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Information = random.Next(4) == 0 ? Text(random) : null,
            Connection = random.Next(2) == 0 ? Connection(random) : null,
            Bandwidths = Bandwidths(random),
            Key = random.Next(8) == 0 ? "prompt" : null,
            Attributes = ValueList.From(Enumerable.Range(0, random.Next(8)).Select(_ => Attribute(random, payloadTypes[random.Next(payloadTypes.Length)]))),
        };
    }

    private static SessionDescription RandomDescription(Random random) => new()
    {
        Origin = SdpOrigin.Create(random.Next(2) == 0 ? "-" : Token(random), $"{random.NextInt64()}", (ulong)random.NextInt64(), Addresses[random.Next(Addresses.Length)]),
        SessionName = random.Next(2) == 0 ? "-" : Text(random),
        Information = random.Next(4) == 0 ? Text(random) : null,
        Uri = random.Next(4) == 0 ? $"http://{Token(random)}.example/" : null,
        Emails = ValueList.From(Enumerable.Range(0, random.Next(2)).Select(_ => $"{Token(random)}@example.com")),
        Phones = ValueList.From(Enumerable.Range(0, random.Next(2)).Select(_ => $"+1 555 {random.Next(10000):D4}")),
        Connection = random.Next(3) == 0 ? null : Connection(random),
        Bandwidths = Bandwidths(random),
        Timings = ValueList.From(Enumerable.Range(0, 1 + random.Next(2)).Select(_ =>
            new SdpTiming((ulong)random.NextInt64(), (ulong)random.NextInt64(), ValueList.From(Enumerable.Range(0, random.Next(2)).Select(_ => "7d 1h 0 25h"))))),
        TimeZones = random.Next(8) == 0 ? "2882844526 -1h 2898848070 0" : null,
        Attributes = ValueList.From(Enumerable.Range(0, random.Next(4)).Select(_ => Attribute(random, 0))),
        Media = ValueList.From(Enumerable.Range(0, random.Next(5)).Select(_ => Media(random))),
    };
}
