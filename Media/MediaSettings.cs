using System.Globalization;

namespace CallCluster.Media;

/// <summary>
/// Configuration of a media node: the RTP port range (<c>Media:RtpPortRange</c>, inclusive, RTP on
/// even ports), the address put in SDP (<c>Media:AdvertisedAddress</c>), the address sockets bind
/// to, how long a leg may stay silent before its session is told, and how many mixing loops run
/// (0: one per core).
/// </summary>
public sealed record MediaSettings(
    int PortRangeStart,
    int PortRangeEnd,
    string AdvertisedAddress,
    string BindAddress,
    TimeSpan DeadMediaTimeout,
    int MixerLoops = 0)
{
    /// <summary>Real-time priority the mixing loops ask for by default: none (<see cref="MixerRealtimePriority"/>).</summary>
    public const int DefaultMixerRealtimePriority = 0;

    /// <summary>
    /// SCHED_FIFO priority (1-99) of the mixing threads on Linux, so that a 20 ms tick is not held
    /// off by the socket threads sharing its core; 0 (the default) keeps normal scheduling. Needs
    /// CAP_SYS_NICE; without it the loops run normally (<see cref="Mixing.MixerLoop.Realtime"/> tells).
    /// </summary>
    public int MixerRealtimePriority { get; init; } = DefaultMixerRealtimePriority;

    /// <summary>Longest <see cref="DrainTimeout"/> allowed (the shutdown phase that runs the drain is given this plus one second).</summary>
    public static readonly TimeSpan MaxDrainTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// When the node stops while other media nodes are up, how long it keeps relaying media at
    /// most, until every endpoint has gone quiet because its call was re-anchored elsewhere
    /// (<see cref="MediaDrain"/>); zero stops at once.
    /// </summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(DefaultDrainSeconds);

    /// <summary>Default of <see cref="DrainTimeout"/>, in seconds.</summary>
    public const int DefaultDrainSeconds = 10;

    /// <summary>How often endpoints are checked for silence.</summary>
    public TimeSpan DeadMediaCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Loopback defaults for a single node: ports 30000-39999, 30 s dead-media timeout.</summary>
    public static MediaSettings Loopback { get; } = new(30000, 39999, "127.0.0.1", "127.0.0.1", TimeSpan.FromSeconds(30));

    /// <summary>Mixing loops to start: <see cref="MixerLoops"/>, or the core count when it is 0.</summary>
    public int EffectiveMixerLoops => MixerLoops > 0 ? MixerLoops : Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Reads a range written "first-last" (for example "30000-39999"). Rejects ports outside
    /// 1024-65535, a reversed range, or a range without one even/odd pair.
    /// </summary>
    public static bool TryParsePortRange(string? text, out int start, out int end)
    {
        start = 0;
        end = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !int.TryParse(text.AsSpan(0, dash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int first)
            || !int.TryParse(text.AsSpan(dash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int last))
        {
            return false;
        }

        if (first < 1024 || last > 65535 || last < first + 1)
        {
            return false;
        }

        start = first;
        end = last;
        return true;
    }
}
