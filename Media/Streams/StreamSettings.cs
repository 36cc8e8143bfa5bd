using System.Net;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Sip.Codecs;

namespace CallCluster.Media.Streams;

/// <summary>
/// The negotiated state of one stream, immutable and swapped whole: direction, the codec sent to
/// the peer, payload type maps, and where the peer's SDP says it receives.
/// </summary>
public sealed class StreamSettings
{
    private readonly Dictionary<int, string> namesByPayloadType;
    private readonly Dictionary<string, int> payloadTypesByName;

    private StreamSettings(MediaDirection direction, IReadOnlyList<CodecSpec> codecs, SocketAddress? rtp, SocketAddress? rtcp)
    {
        Direction = direction;
        Codecs = codecs;
        SendCodec = codecs.Count > 0 ? codecs[0] : null;
        RemoteRtp = rtp;
        RemoteRtcp = rtcp;
        namesByPayloadType = [];
        payloadTypesByName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var codec in codecs)
        {
            namesByPayloadType.TryAdd(codec.PayloadType, codec.Name);
            payloadTypesByName.TryAdd(codec.Name, codec.PayloadType);
        }

        var audio = codecs.FirstOrDefault(c => LawOf(c.Name) is not null);
        SendLaw = audio is null ? G711Law.MuLaw : LawOf(audio.Name)!.Value;
        SendAudioPayloadType = audio?.PayloadType ?? 0;
    }

    /// <summary>The peer's direction.</summary>
    public MediaDirection Direction { get; }

    /// <summary>Negotiated codecs, the first one sent.</summary>
    public IReadOnlyList<CodecSpec> Codecs { get; }

    /// <summary>The codec sent, if any was negotiated.</summary>
    public CodecSpec? SendCodec { get; }

    /// <summary>The G.711 law mixed audio is encoded with for this peer (mu-law when none negotiated).</summary>
    public G711Law SendLaw { get; }

    /// <summary>Payload type of <see cref="SendLaw"/>.</summary>
    public int SendAudioPayloadType { get; }

    /// <summary>Where the SDP says the peer receives RTP (null when unknown until it sends).</summary>
    public SocketAddress? RemoteRtp { get; }

    /// <summary>Where the SDP says the peer receives RTCP.</summary>
    public SocketAddress? RemoteRtcp { get; }

    /// <summary>True if the peer wants media from us.</summary>
    public bool PeerReceives => Direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;

    /// <summary>True if what the peer sends is used.</summary>
    public bool PeerSends => Direction is MediaDirection.SendRecv or MediaDirection.SendOnly;

    /// <summary>Settings before any SDP: offered codecs, both directions, peer address unknown.</summary>
    public static StreamSettings Initial(IReadOnlyList<CodecSpec> preferences) => new(MediaDirection.SendRecv, preferences, null, null);

    /// <summary>Settings from the peer's SDP; an unparsable or empty address leaves the peer to symmetric RTP.</summary>
    public static StreamSettings From(StreamConfiguration configuration)
    {
        SocketAddress? rtp = null;
        SocketAddress? rtcp = null;
        if (IPAddress.TryParse(configuration.RemoteAddress, out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any))
        {
            if (configuration.RemoteRtpPort is > 0 and <= 65535)
            {
                rtp = new IPEndPoint(address, configuration.RemoteRtpPort).Serialize();
                int rtcpPort = configuration.RtcpMux ? configuration.RemoteRtpPort
                    : configuration.RemoteRtcpPort is > 0 and <= 65535 ? configuration.RemoteRtcpPort
                    : configuration.RemoteRtpPort + 1;
                rtcp = rtcpPort <= 65535 ? new IPEndPoint(address, rtcpPort).Serialize() : null;
            }
        }

        return new StreamSettings(configuration.Direction, configuration.Codecs, rtp, rtcp);
    }

    /// <summary>The G.711 law of an encoding name, null for other codecs.</summary>
    public static G711Law? LawOf(string name) =>
        name.Equals("PCMU", StringComparison.OrdinalIgnoreCase) ? G711Law.MuLaw
        : name.Equals("PCMA", StringComparison.OrdinalIgnoreCase) ? G711Law.ALaw
        : null;

    /// <summary>The encoding name of a payload type the peer sends; static 0 and 8 are always known.</summary>
    public string? NameOf(int payloadType) =>
        namesByPayloadType.TryGetValue(payloadType, out var name) ? name
        : payloadType == 0 ? "PCMU"
        : payloadType == 8 ? "PCMA"
        : null;

    /// <summary>The payload type the peer expects for an encoding name, if negotiated.</summary>
    public int? PayloadTypeOf(string name) => payloadTypesByName.TryGetValue(name, out int pt) ? pt : null;
}
