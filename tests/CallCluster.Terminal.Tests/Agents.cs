using System.Net;

namespace CallCluster.Terminal.Tests;

internal static class Agents
{
    public static TerminalOptions Options(string user, double tone, VideoCodec video = VideoCodec.Vp8) => new()
    {
        User = user,
        LocalAddress = IPAddress.Loopback,
        ToneHz = tone,
        Video = video,
        ToneCandidates = [440, 660, 880, 1000],
        StatsInterval = TimeSpan.Zero,
        RtcpInterval = TimeSpan.FromMilliseconds(500),
        KeyFrameInterval = 10,
    };

    /// <summary>Polls <paramref name="condition"/> on the agent's stats for at most <paramref name="seconds"/>.</summary>
    public static async Task<TerminalStats> WaitForStats(TerminalAgent agent, Func<TerminalStats, bool> condition, int seconds = 20)
    {
        var stats = agent.GetStats();
        for (var i = 0; i < seconds * 10 && !condition(stats); i++)
        {
            await Task.Delay(100);
            stats = agent.GetStats();
        }

        return stats;
    }

    public static StreamStats? Stream(TerminalStats stats, string media) =>
        stats.Calls.SelectMany(c => c.Streams).FirstOrDefault(s => s.Media == media);
}
