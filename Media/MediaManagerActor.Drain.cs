using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using CallCluster.Actors.Hosting;

namespace CallCluster.Media;

/// <summary>The media manager's view of the other media nodes, and the drain it runs when its node stops.</summary>
public sealed partial class MediaManagerActor
{
    /// <summary>
    /// Another media node joined or is going away. Once this node itself leaves or is downed the
    /// view is kept as it was: the cluster reports every other member removed when it shuts down,
    /// yet those nodes are where this node's calls are moving.
    /// </summary>
    private void TrackMediaMember(Member member, bool present)
    {
        if (member.Address.Equals(Cluster.Get(Context.System).SelfAddress))
        {
            leaving |= !present;
            return;
        }

        if (leaving || !member.HasRole(NodeSettings.MediaRole))
        {
            return;
        }

        if (present)
        {
            otherMediaNodes.Add(member.Address);
        }
        else
        {
            otherMediaNodes.Remove(member.Address);
        }
    }

    /// <summary>Runs <see cref="MediaDrain"/> just before the actor system terminates (after the node has left the cluster).</summary>
    private void RegisterDrain()
    {
        var bound = node.Settings.DrainTimeout;
        if (bound <= TimeSpan.Zero)
        {
            return;
        }

        var self = Self;
        var clock = time;
        var log = Logging.GetLogger(Context.System, "media-drain");
        CoordinatedShutdown.Get(Context.System).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "media-drain", async () =>
        {
            var outcome = await MediaDrain.WaitAsync(self, bound, clock);
            if (outcome.TimedOut)
            {
                var active = await self.Ask<MediaDrain.ActiveLegs>(new MediaDrain.ListActive(MediaDrain.Quiet), TimeSpan.FromSeconds(1))
                    .ContinueWith(t => t.IsCompletedSuccessfully ? string.Join("; ", t.Result.Legs) : "not listed", TaskScheduler.Default);
                log.Warning("Media drain: {0} endpoints still received media after {1:0.0} s; stopping anyway: {2}", outcome.Last?.Active, outcome.Waited.TotalSeconds, active);
            }
            else if (outcome.Last is { Endpoints: > 0 } last)
            {
                log.Info(
                    "Media drain: done after {0:0.0} s ({1} endpoints held, {2} still receiving media, other media nodes: {3})",
                    outcome.Waited.TotalSeconds, last.Endpoints, last.Active, last.OtherMediaNodes);
            }

            return Akka.Done.Instance;
        });
    }
}
