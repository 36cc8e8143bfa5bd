namespace CallCluster.Interop.Tests.Baresip;

/// <summary>
/// One baresip user agent's settings: its account, the tone it sends (ausine, Hz) and whether it
/// answers by itself. <see cref="Config"/> and <see cref="Accounts"/> are the files of its
/// configuration folder (<c>baresip -f folder</c>), with modules limited to what
/// Debian's baresip-core installs.
/// </summary>
public sealed record BaresipProfile(string User, string Password, string Domain, int RegistrarPort, int ToneHz, bool AutoAnswer)
{
    public const string ModulePath = "/usr/lib/baresip/modules";

    /// <summary>Modules loaded, each checked to exist before start.</summary>
    public static IReadOnlyList<string> Modules { get; } =
        ["g711", "ausine", "aubridge", "sndfile", "fakevideo", "vp8", "account", "menu", "ctrl_tcp"];

    public string Aor => $"sip:{User}@{Domain}";

    /// <summary>
    /// The config file. ausine only produces 48 kHz stereo, so the source runs at that rate and
    /// baresip resamples to PCMU's 8 kHz mono; sound goes to an aubridge device nobody reads;
    /// sndfile writes each call's encoded and decoded audio to <paramref name="dumpFolder"/>.
    /// </summary>
    public string Config(int sipPort, int ctrlPort, string dumpFolder) => string.Join('\n',
    [
        "poll_method\t\tepoll",
        $"sip_listen\t\t127.0.0.1:{sipPort}",
        "net_interface\t\t127.0.0.1",
        "call_max_calls\t\t4",
        $"audio_player\t\taubridge,sink-{User}",
        $"audio_alert\t\taubridge,alert-{User}",
        $"audio_source\t\tausine,{ToneHz}",
        "ausrc_srate\t\t48000",
        "ausrc_channels\t\t2",
        "video_source\t\tfakevideo,nil",
        "video_display\t\tfakevideo,nil",
        "video_size\t\t320x240",
        "video_bitrate\t\t300000",
        "video_fps\t\t15",
        "rtp_stats\t\tyes",
        "statmode_default\toff",
        $"snd_path\t\t{dumpFolder}",
        $"ctrl_tcp_listen\t\t127.0.0.1:{ctrlPort}",
        $"module_path\t\t{ModulePath}",
        .. Modules.Select(m => (m is "account" or "menu" or "ctrl_tcp" ? "module_app\t\t" : "module\t\t\t") + m + ".so"),
        "",
    ]);

    /// <summary>The accounts file: digest password, the cluster as outbound proxy, PCMU and VP8 only.</summary>
    public string Accounts() =>
        $"<{Aor}>;auth_pass={Password};outbound=\"sip:127.0.0.1:{RegistrarPort}\";regint=300;"
        + $"answermode={(AutoAnswer ? "auto" : "manual")};audio_codecs=PCMU;video_codecs=VP8\n";
}
