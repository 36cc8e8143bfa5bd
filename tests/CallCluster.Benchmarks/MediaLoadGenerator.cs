using System.Diagnostics;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media;
using CallCluster.Media.Node;

namespace CallCluster.Benchmarks;

/// <summary>
/// Media load on one machine: N relayed two-party calls (bridges, PCMU both ways, forwarded
/// undecoded) and M three-party mixes, every terminal sending 50 packets/s over loopback UDP, the
/// sends spread over each 20 ms period. Measures relay loss and one-way latency through the node
/// (terminal to terminal, so it includes the load generator's own socket work) and the mixing
/// loops' missed ticks. Load generator and media node share the machine's cores.
/// </summary>
public static class MediaLoadGenerator
{
    public static MediaLoadResult Run(int relayedCalls, int mixes, TimeSpan duration, int portStart, TextWriter log)
    {
        int pairs = (relayedCalls * 2) + (mixes * 3) + 16;
        var settings = new MediaSettings(portStart, Math.Min(65535, portStart + (pairs * 2) + 63), "127.0.0.1", "127.0.0.1", TimeSpan.FromMinutes(10));
        using var node = new MediaNode(settings);
        var latency = new MediaLatencyHistogram();
        var relayClients = new List<MediaLoadClient>();
        var mixClients = new List<MediaLoadClient>();
        try
        {
            for (int i = 0; i < relayedCalls; i++)
            {
                var (a, ea) = Terminal(node, $"call-{i}", "a", latency);
                var (b, eb) = Terminal(node, $"call-{i}", "b", latency);
                Require(node.TransferToBridge(new TransferToBridge($"call-{i}", ea.EndpointId, eb.EndpointId)));
                relayClients.Add(a);
                relayClients.Add(b);
            }

            for (int i = 0; i < mixes; i++)
            {
                var members = Enumerable.Range(0, 3).Select(p => Terminal(node, $"mix-{i}", $"p{p}", null)).ToList();
                Require(node.CreateMix(new CreateMix($"mix-{i}", [.. members.Select(m => m.Endpoint.EndpointId)], [])));
                mixClients.AddRange(members.Select(m => m.Client));
            }

            log.WriteLine($"media load: {relayedCalls} relayed calls, {mixes} mixes, {node.Loops.Count} mixing loops, {duration.TotalSeconds:0} s");
            long ticksBefore = node.Loops.Sum(l => l.Ticks);
            long missedBefore = node.Loops.Sum(l => l.MissedTicks);
            var all = relayClients.Concat(mixClients).ToArray();
            var clock = Stopwatch.StartNew();
            Pace(all, duration);
            Thread.Sleep(500);
            var elapsed = clock.Elapsed;

            long relaySent = relayClients.Sum(c => c.Sent);
            long relayReceived = relayClients.Sum(c => c.Received);
            double expectedMix = mixClients.Count * (elapsed.TotalSeconds * 50);
            return new MediaLoadResult(
                relayedCalls,
                mixes,
                node.Loops.Count,
                duration,
                relaySent,
                relayReceived,
                relaySent == 0 ? 0 : 100.0 * (relaySent - relayReceived) / relaySent,
                latency.PercentileMicros(50),
                latency.PercentileMicros(99),
                latency.PercentileMicros(99.9),
                node.Loops.Sum(l => l.Ticks) - ticksBefore,
                node.Loops.Sum(l => l.MissedTicks) - missedBefore,
                node.Loops.Max(l => l.MaxLateness) * 1000.0 / Stopwatch.Frequency,
                expectedMix == 0 ? 100 : 100.0 * mixClients.Sum(c => c.Received) / expectedMix);
        }
        finally
        {
            foreach (var client in relayClients.Concat(mixClients))
            {
                client.Dispose();
            }
        }
    }

    private static (MediaLoadClient Client, EndpointAllocated Endpoint) Terminal(MediaNode node, string session, string leg, MediaLatencyHistogram? latency)
    {
        var client = new MediaLoadClient(latency);
        var endpoint = node.Allocate(new AllocateEndpoint(session, leg, leg, [new MediaStreamRequest(MediaKind.Audio, [CodecSpec.Pcmu])])) as EndpointAllocated
            ?? throw new InvalidOperationException($"allocation failed for {session}/{leg}");
        Require(node.Configure(new ConfigureEndpoint(session, endpoint.EndpointId,
            [new StreamConfiguration(MediaKind.Audio, "127.0.0.1", client.Port, client.Port + 1, [CodecSpec.Pcmu])])));
        client.Target(endpoint.Streams[0].RtpPort);
        return (client, endpoint);
    }

    private static void Require(object reply)
    {
        if (reply is MediaCommandFailed failed)
        {
            throw new InvalidOperationException(failed.Reason);
        }
    }

    /// <summary>Every client sends once per 20 ms; client i sends in the (i mod 20)-th millisecond of each period.</summary>
    private static void Pace(MediaLoadClient[] clients, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long slot = 0;
        while (clock.Elapsed < duration)
        {
            long due = (long)clock.Elapsed.TotalMilliseconds;
            for (; slot <= due; slot++)
            {
                for (int i = (int)(slot % 20); i < clients.Length; i += 20)
                {
                    clients[i].SendNext();
                }
            }

            Thread.Sleep(1);
        }
    }
}
