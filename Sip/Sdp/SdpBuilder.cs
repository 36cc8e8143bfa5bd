using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>Mutable accumulator used by one <see cref="SdpParser"/> call only; never shared.</summary>
internal sealed class SdpBuilder
{
    private readonly List<MediaBuilder> _media = [];

    public bool HasVersion { get; private set; }

    public SdpOrigin? Origin { get; set; }

    public string? SessionName { get; set; }

    public string? Information { get; set; }

    public string? Uri { get; set; }

    public List<string> Emails { get; } = [];

    public List<string> Phones { get; } = [];

    public SdpConnection? Connection { get; set; }

    public List<SdpBandwidth> Bandwidths { get; } = [];

    public List<(SdpTiming Timing, List<string> Repeats)> Timings { get; } = [];

    public string? TimeZones { get; set; }

    public string? Key { get; set; }

    public List<SdpAttribute> Attributes { get; } = [];

    public int MediaCount => _media.Count;

    public bool InMedia => _media.Count > 0;

    public MediaBuilder? CurrentMedia => _media.Count > 0 ? _media[^1] : null;

    public SdpRejectReason SetVersion()
    {
        HasVersion = true;
        return SdpRejectReason.None;
    }

    public SdpRejectReason StartMedia(MediaBuilder media)
    {
        var missing = Validate();
        if (missing != SdpRejectReason.None)
        {
            return missing;
        }

        _media.Add(media);
        return SdpRejectReason.None;
    }

    public SdpRejectReason Validate() =>
        !HasVersion ? SdpRejectReason.Empty
        : Origin is null ? SdpRejectReason.MissingOrigin
        : SessionName is null ? SdpRejectReason.MissingSessionName
        : SdpRejectReason.None;

    public SessionDescription Build() => new()
    {
        Origin = Origin!,
        SessionName = SessionName!,
        Information = Information,
        Uri = Uri,
        Emails = ValueList.From(Emails),
        Phones = ValueList.From(Phones),
        Connection = Connection,
        Bandwidths = ValueList.From(Bandwidths),
        Timings = Timings.Count == 0 ? [SdpTiming.Unbounded] : ValueList.From(Timings.Select(t => t.Timing with { Repeats = ValueList.From(t.Repeats) })),
        TimeZones = TimeZones,
        Key = Key,
        Attributes = ValueList.From(Attributes),
        Media = ValueList.From(_media.Select(m => m.Build())),
    };
}

/// <summary>Mutable accumulator for one m= section during parsing.</summary>
internal sealed class MediaBuilder(string media, int port, int? portCount, string protocol, string[] formats)
{
    public string? Information { get; set; }

    public SdpConnection? Connection { get; set; }

    public List<SdpBandwidth> Bandwidths { get; } = [];

    public string? Key { get; set; }

    public List<SdpAttribute> Attributes { get; } = [];

    public MediaDescription Build() => new()
    {
        Media = media,
        Port = port,
        PortCount = portCount,
        Protocol = protocol,
        Formats = ValueList.Create<string>(formats),
        Information = Information,
        Connection = Connection,
        Bandwidths = ValueList.From(Bandwidths),
        Key = Key,
        Attributes = ValueList.From(Attributes),
    };
}
