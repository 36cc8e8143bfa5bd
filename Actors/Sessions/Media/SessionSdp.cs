using System.Globalization;
using System.Text;
using CallCluster.Actors.MediaProtocol;

namespace CallCluster.Actors.Sessions.Media;

/// <summary>
/// SDP on the session side of the media protocol: which streams to allocate for an offer, how a
/// peer's SDP configures an endpoint, and the SDP (offer or answer) describing an allocated
/// endpoint. Codecs: PCMU and PCMA audio, VP8 and H.264 video, forwarded without transcoding.
/// </summary>
public static class SessionSdp
{
    private static readonly CodecSpec Vp8 = new(96, "VP8", 90000);
    private static readonly CodecSpec H264 = new(97, "H264", 90000);
    private static readonly string[] Supported = ["PCMU", "PCMA", "VP8", "H264"];

    /// <summary>Default offer streams: audio (PCMU, PCMA) and video (VP8, H.264).</summary>
    public static IReadOnlyList<MediaStreamRequest> DefaultStreams { get; } =
    [
        new(MediaKind.Audio, [CodecSpec.Pcmu, CodecSpec.Pcma]),
        new(MediaKind.Video, [Vp8, H264]),
    ];

    /// <summary>Streams to allocate: those of the peer's offer we can carry, else the defaults.</summary>
    public static IReadOnlyList<MediaStreamRequest> StreamsFor(string? remoteSdp)
    {
        var offer = SdpText.Parse(remoteSdp);
        if (offer is null)
        {
            return DefaultStreams;
        }

        var streams = offer
            .Where(s => s is { Kind: not null, Port: > 0 })
            .Select(s => new MediaStreamRequest(s.Kind!.Value, Common(s), s.RtcpMux))
            .Where(s => s.CodecPreferences.Count > 0)
            .ToList();
        return streams.Count > 0 ? streams : DefaultStreams;
    }

    /// <summary>The endpoint configuration for the peer's SDP; null when the SDP is unusable.</summary>
    public static IReadOnlyList<StreamConfiguration>? Configure(string remoteSdp)
    {
        var streams = SdpText.Parse(remoteSdp);
        return streams?
            .Where(s => s is { Kind: not null, Port: > 0 })
            .Select(s => new StreamConfiguration(s.Kind!.Value, s.Address, s.Port, s.RtcpPort, Common(s), s.Direction, s.RtcpMux))
            .Where(s => s.Codecs.Count > 0)
            .ToList();
    }

    /// <summary>SDP describing <paramref name="endpoint"/>: an answer to <paramref name="remoteOffer"/>, or an offer.</summary>
    public static string Render(EndpointAllocated endpoint, string? remoteOffer, long version)
    {
        var address = endpoint.AdvertisedAddress;
        var family = address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4";
        var sdp = new StringBuilder();
        sdp.Append("v=0\r\n")
            .Append(CultureInfo.InvariantCulture, $"o=callcluster {SessionNumber(endpoint.EndpointId)} {version} IN {family} {address}\r\n")
            .Append("s=callcluster\r\n")
            .Append(CultureInfo.InvariantCulture, $"c=IN {family} {address}\r\n")
            .Append("t=0 0\r\n");
        var offer = SdpText.Parse(remoteOffer);
        var available = endpoint.Streams.ToList();
        if (offer is null)
        {
            foreach (var stream in available)
            {
                Section(sdp, stream, DefaultStreams.First(d => d.Kind == stream.Kind).CodecPreferences, MediaDirection.SendRecv);
            }

            return sdp.ToString();
        }

        foreach (var offered in offer)
        {
            var stream = available.FirstOrDefault(a => a.Kind == offered.Kind);
            var codecs = Common(offered);
            if (stream is null || offered.Port == 0 || codecs.Count == 0)
            {
                var kind = offered.Kind == MediaKind.Video ? "video" : offered.Kind == MediaKind.Audio ? "audio" : "application";
                sdp.Append(CultureInfo.InvariantCulture, $"m={kind} 0 RTP/AVP {(offered.Codecs.Count > 0 ? offered.Codecs[0].PayloadType : 0)}\r\n");
                continue;
            }

            available.Remove(stream);
            Section(sdp, stream, codecs, Answer(offered.Direction));
        }

        return sdp.ToString();
    }

    private static void Section(StringBuilder sdp, AllocatedStream stream, IReadOnlyList<CodecSpec> codecs, MediaDirection direction)
    {
        var kind = stream.Kind == MediaKind.Video ? "video" : "audio";
        sdp.Append(CultureInfo.InvariantCulture, $"m={kind} {stream.RtpPort} RTP/AVP {string.Join(' ', codecs.Select(c => c.PayloadType))}\r\n");
        foreach (var codec in codecs)
        {
            sdp.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{codec.PayloadType} {codec.Name}/{codec.ClockRate}\r\n");
            if (codec.Name.Equals("H264", StringComparison.OrdinalIgnoreCase))
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=fmtp:{codec.PayloadType} packetization-mode=1\r\n");
            }
        }

        sdp.Append(stream.RtcpMux ? "a=rtcp-mux\r\n" : string.Create(CultureInfo.InvariantCulture, $"a=rtcp:{stream.RtcpPort}\r\n"));
        sdp.Append(direction switch
        {
            MediaDirection.SendOnly => "a=sendonly\r\n",
            MediaDirection.RecvOnly => "a=recvonly\r\n",
            MediaDirection.Inactive => "a=inactive\r\n",
            _ => "a=sendrecv\r\n",
        });
    }

    private static MediaDirection Answer(MediaDirection offered) => offered switch
    {
        MediaDirection.SendOnly => MediaDirection.RecvOnly,
        MediaDirection.RecvOnly => MediaDirection.SendOnly,
        MediaDirection.Inactive => MediaDirection.Inactive,
        _ => MediaDirection.SendRecv,
    };

    private static List<CodecSpec> Common(SdpStream s) =>
        s.Codecs.Where(c => Supported.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();

    private static uint SessionNumber(string endpointId)
    {
        var hash = 2166136261u;
        foreach (var ch in endpointId)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return hash & 0x7fffffff;
    }
}
