using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>The capabilities per media type used by <see cref="OfferAnswer.CreateAnswer"/> and <see cref="OfferAnswer.CreateOffer"/>.</summary>
public sealed record SdpCapabilities(ValueList<MediaCapability> Media)
{
    /// <summary>G.711 audio and VP8/H.264 video.</summary>
    public static SdpCapabilities AudioVideo { get; } = new([MediaCapability.G711Audio, MediaCapability.Video]);

    /// <summary>G.711 audio only.</summary>
    public static SdpCapabilities AudioOnly { get; } = new([MediaCapability.G711Audio]);

    /// <summary>The capability for a media type, or null.</summary>
    public MediaCapability? For(string media) => Media.FirstOrDefault(m => m.Media == media);
}
