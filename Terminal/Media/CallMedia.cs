using System.Globalization;
using System.Net;
using CallCluster.Sip.Rtp;
using CallCluster.Sip.Sdp;

namespace CallCluster.Terminal.Media;

/// <summary>The media of one call: an audio stream, an optional video stream, and the local SDP.</summary>
public sealed class CallMedia : IAsyncDisposable
{
    private readonly TerminalOptions _options;
    private readonly string _sessionId = Random.Shared.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture);
    private ulong _version;
    private SessionDescription? _pendingOffer;

    private CallMedia(TerminalOptions options, MediaStream audio, MediaStream? video)
    {
        _options = options;
        Audio = audio;
        Video = video;
    }

    /// <summary>The audio stream.</summary>
    public MediaStream Audio { get; }

    /// <summary>The video stream, or null for audio only.</summary>
    public MediaStream? Video { get; }

    /// <summary>Opens the sockets for a call.</summary>
    public static CallMedia Open(TerminalOptions options, int portBase, MediaStreamOptions streamOptions)
    {
        var audio = MediaStream.Open("audio", options.LocalAddress, portBase, streamOptions);
        var video = options.Video == VideoCodec.None
            ? null
            : MediaStream.Open("video", options.LocalAddress, portBase == 0 ? 0 : audio.LocalPort + 2, streamOptions);
        return new CallMedia(options, audio, video);
    }

    /// <summary>A new offer (kept to read the answer against).</summary>
    public SessionDescription CreateOffer()
    {
        var ports = Video is null ? ValueList.Create<int>([Audio.LocalPort]) : ValueList.Create<int>([Audio.LocalPort, Video.LocalPort]);
        _pendingOffer = OfferAnswer.CreateOffer(Capabilities(), Local(ports));
        return _pendingOffer;
    }

    /// <summary>Answers a remote offer and applies it to the streams; null when nothing is acceptable.</summary>
    public SessionDescription? Answer(SessionDescription offer)
    {
        var ports = offer.Media.Select(m => m.IsAudio ? Audio.LocalPort : m.IsVideo && Video is not null ? Video.LocalPort : 0).ToArray();
        var result = OfferAnswer.CreateAnswer(offer, Capabilities(), Local(ValueList.Create<int>(ports)));
        if (!result.Media.Any(m => m.Accepted && m.Media == "audio"))
        {
            return null;
        }

        Apply(result.Media);
        return result.Answer;
    }

    /// <summary>Reads the answer to the last offer and applies it; false when it does not fit the offer.</summary>
    public bool TryApplyAnswer(SessionDescription answer)
    {
        if (_pendingOffer is null || !OfferAnswer.TryReadAnswer(_pendingOffer, answer, out var media, out _))
        {
            return false;
        }

        Apply(media);
        return media.Any(m => m.Accepted);
    }

    /// <summary>Statistics of the streams.</summary>
    public IReadOnlyList<StreamStats> GetStats() =>
        Video is null ? [Audio.GetStats()] : [Audio.GetStats(), Video.GetStats()];

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Audio.DisposeAsync().ConfigureAwait(false);
        if (Video is not null)
        {
            await Video.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Apply(ValueList<NegotiatedMedia> media)
    {
        foreach (var m in media)
        {
            var stream = m.Media == "audio" ? Audio : m.Media == "video" ? Video : null;
            if (stream is null || !m.Accepted || m.Codecs.Count == 0)
            {
                continue;
            }

            var codec = m.Codecs[0];
            var rtp = Endpoint(m.RemoteAddress, m.RemotePort);
            var rtcp = m.RtcpMux ? rtp : Endpoint(m.RemoteRtcpAddress ?? m.RemoteAddress, m.RemoteRtcpPort);
            var send = !m.RemoteHeld && m.Direction is SdpDirection.SendRecv or SdpDirection.SendOnly;
            stream.Apply(new StreamSettings(m.Media, codec.EncodingName, codec.PayloadType, codec.ClockRate, send ? rtp : null, rtcp, send));
        }
    }

    private static IPEndPoint? Endpoint(string? address, int port) =>
        address is not null && port > 0 && IPAddress.TryParse(address, out var ip) && !ip.Equals(IPAddress.Any) ? new IPEndPoint(ip, port) : null;

    private SdpCapabilities Capabilities()
    {
        var audioCodecs = _options.Codec == AudioCodec.Pcma ? ValueList.Create([SdpCodec.Pcma, SdpCodec.Pcmu]) : ValueList.Create([SdpCodec.Pcmu, SdpCodec.Pcma]);
        var audio = new MediaCapability("audio", audioCodecs) { Ptime = 20 };
        if (_options.Video == VideoCodec.None)
        {
            return new SdpCapabilities([audio]);
        }

        var video = MediaCapability.Video with
        {
            Codecs = _options.Video == VideoCodec.H264 ? ValueList.Create([SdpCodec.H264]) : ValueList.Create([SdpCodec.Vp8]),
        };
        return new SdpCapabilities([audio, video]);
    }

    private SdpLocalOptions Local(ValueList<int> ports) =>
        new(SdpOrigin.Create(_options.User, _sessionId, ++_version, _options.LocalAddress.ToString()), _options.LocalAddress.ToString(), ports);
}
