using Akka.Actor;

namespace CallCluster.Media;

/// <summary>
/// Draining a media node that stops while other media nodes are up. Sessions learn that the node
/// is leaving and re-anchor their calls on another node with a re-INVITE; until each terminal has
/// switched, its RTP still arrives here. So the stopping node keeps relaying until every endpoint
/// has been quiet for <see cref="Quiet"/>, or <see cref="MediaSettings.DrainTimeout"/> has passed,
/// and only then lets the actor system (and with it the sockets) go: the move costs the calls no gap.
/// A node with no other media node to move to stops at once. Local to the node: the messages never
/// cross nodes.
/// </summary>
public static class MediaDrain
{
    /// <summary>An endpoint without media for this long is no longer in use.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Asks the media manager how many endpoints still receive media; replied with <see cref="Status"/>.</summary>
    public sealed record Query(TimeSpan Quiet);

    /// <summary>Asks the media manager which calls still send media here; replied with <see cref="ActiveLegs"/>.</summary>
    public sealed record ListActive(TimeSpan Quiet);

    /// <summary>One line per endpoint that still receives media: session, leg and where its media comes from.</summary>
    public sealed record ActiveLegs(IReadOnlyList<string> Legs);

    /// <param name="Active">Endpoints that received media within the query's quiet time.</param>
    /// <param name="Endpoints">Endpoints held.</param>
    /// <param name="OtherMediaNodes">Whether another media node was a member when last seen (somewhere to move to).</param>
    public sealed record Status(int Active, int Endpoints, bool OtherMediaNodes)
    {
        /// <summary>Nothing left to wait for: no call sends media here, or none can move.</summary>
        public bool Done => Active == 0 || !OtherMediaNodes;
    }

    /// <summary>How a drain ended.</summary>
    /// <param name="Waited">Time spent.</param>
    /// <param name="Last">The last status seen (null when the manager did not answer).</param>
    /// <param name="TimedOut">True when the bound ran out with calls still sending media here.</param>
    public sealed record Outcome(TimeSpan Waited, Status? Last, bool TimedOut);

    /// <summary>Polls <paramref name="manager"/> until <see cref="Status.Done"/> or <paramref name="bound"/> has passed.</summary>
    public static async Task<Outcome> WaitAsync(IActorRef manager, TimeSpan bound, TimeProvider time, CancellationToken cancellation = default)
    {
        var started = time.GetTimestamp();
        Status? last = null;
        while (true)
        {
            try
            {
                last = await manager.Ask<Status>(new Query(Quiet), TimeSpan.FromSeconds(1), cancellation);
            }
            catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
            {
                return new Outcome(time.GetElapsedTime(started), last, TimedOut: false);
            }

            var waited = time.GetElapsedTime(started);
            if (last.Done)
            {
                return new Outcome(waited, last, TimedOut: false);
            }

            if (waited >= bound)
            {
                return new Outcome(waited, last, TimedOut: true);
            }

            await Task.Delay(Poll, time, cancellation);
        }
    }
}
