using System.Net;

namespace CallCluster.Terminal;

/// <summary>Audio codec the terminal sends.</summary>
public enum AudioCodec
{
    /// <summary>G.711 mu-law, payload type 0.</summary>
    Pcmu,

    /// <summary>G.711 A-law, payload type 8.</summary>
    Pcma,
}

/// <summary>Video codec the terminal offers and sends.</summary>
public enum VideoCodec
{
    /// <summary>No video stream.</summary>
    None,

    /// <summary>VP8 (RFC 7741).</summary>
    Vp8,

    /// <summary>H.264 packetization-mode 1 (RFC 6184).</summary>
    H264,
}

/// <summary>Configuration of a <see cref="TerminalAgent"/>.</summary>
public sealed record TerminalOptions
{
    /// <summary>SIP user (the user part of the AOR).</summary>
    public required string User { get; init; }

    /// <summary>Digest password; null when the terminal never authenticates.</summary>
    public string? Password { get; init; }

    /// <summary>SIP domain of the AOR; the local address when null.</summary>
    public string? Domain { get; init; }

    /// <summary>Registrar and outbound proxy ("ip:port"); null for direct calls without registration.</summary>
    public IPEndPoint? Registrar { get; init; }

    /// <summary>Address SIP and RTP bind to and advertise.</summary>
    public IPAddress LocalAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Local SIP UDP port; 0 for any free port.</summary>
    public int SipPort { get; init; }

    /// <summary>First RTP port tried (even); 0 for any free port.</summary>
    public int RtpPortBase { get; init; }

    /// <summary>Frequency of the tone sent, in Hz.</summary>
    public double ToneHz { get; init; } = 440;

    /// <summary>Frequencies looked for in received audio; empty for 300-2000 Hz in 20 Hz steps.</summary>
    public IReadOnlyList<double> ToneCandidates { get; init; } = [];

    /// <summary>Audio codec sent.</summary>
    public AudioCodec Codec { get; init; } = AudioCodec.Pcmu;

    /// <summary>Video codec, or none for audio only.</summary>
    public VideoCodec Video { get; init; } = VideoCodec.Vp8;

    /// <summary>Video frames per second.</summary>
    public int VideoFps { get; init; } = 15;

    /// <summary>A video key frame every this many frames (and whenever PLI/FIR arrives).</summary>
    public int KeyFrameInterval { get; init; } = 30;

    /// <summary>Mobile numbers (user parts or full URIs) bound to this terminal: calls asserted from them are answered at once.</summary>
    public IReadOnlyList<string> BoundMobiles { get; init; } = [];

    /// <summary>Auto-answer calls from bound mobiles.</summary>
    public bool AutoAnswer { get; init; } = true;

    /// <summary>Answer every other call after <see cref="RingTime"/> (otherwise reject it then with <see cref="RejectStatus"/>).</summary>
    public bool AnswerAfterRinging { get; init; }

    /// <summary>How long an incoming call that is not auto-answered rings.</summary>
    public TimeSpan RingTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Status sent when a ringing call is not answered: 480 or 486.</summary>
    public int RejectStatus { get; init; } = 480;

    /// <summary>Registration expiry asked for, in seconds.</summary>
    public int RegisterExpires { get; init; } = 600;

    /// <summary>Session-Expires (RFC 4028) asked for on outgoing calls, in seconds; 0 for none.</summary>
    public int SessionExpires { get; init; }

    /// <summary>Interval of media statistics events; zero for none.</summary>
    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Interval of RTCP reports.</summary>
    public TimeSpan RtcpInterval { get; init; } = TimeSpan.FromSeconds(2);
}
