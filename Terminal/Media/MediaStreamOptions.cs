namespace CallCluster.Terminal.Media;

/// <summary>How a stream sends and analyses.</summary>
/// <param name="ToneHz">Frequency of the audio tone sent.</param>
/// <param name="ToneCandidates">Frequencies the tone detector looks for.</param>
/// <param name="VideoFps">Video frames per second.</param>
/// <param name="KeyFrameInterval">A key frame every this many frames.</param>
/// <param name="RtcpInterval">Time between RTCP reports.</param>
/// <param name="Time">Clock for the send timers.</param>
public sealed record MediaStreamOptions(
    double ToneHz,
    IReadOnlyList<double> ToneCandidates,
    int VideoFps,
    int KeyFrameInterval,
    TimeSpan RtcpInterval,
    TimeProvider Time);
