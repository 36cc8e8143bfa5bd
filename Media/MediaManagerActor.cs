using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Mixing;
using CallCluster.Media.Node;

namespace CallCluster.Media;

/// <summary>
/// The media role's one actor (registered as <c>MediaManager</c> on media nodes): it handles the
/// media protocol on a <see cref="MediaNode"/>, replies to every command, tells whoever allocated
/// an endpoint when it goes silent (<see cref="EndpointDead"/>), and releases everything when it stops.
/// An endpoint whose allocator has stopped (the session ended and passivated, its release sent
/// elsewhere after the media nodes changed) is released once it is silent: a call still in
/// progress keeps sending media, so a session that is only moving keeps its endpoints.
/// In a cluster it follows which other media nodes are members, and when the node stops it holds
/// the actor system back until its calls have moved (<see cref="MediaDrain"/>).
/// </summary>
public sealed partial class MediaManagerActor : ReceiveActor, IWithTimers
{
    private readonly MediaNode node;
    private readonly EndpointAllocators allocators = new();
    private readonly HashSet<string> orphans = new(StringComparer.Ordinal);
    private readonly int realtimePriority;
    private long reportedLeaves;
    private readonly TimeProvider time;
    private readonly HashSet<Address> otherMediaNodes = [];
    private bool schedulingReported;
    private bool leaving;

    /// <summary>Creates the actor; prefer <see cref="Props"/>.</summary>
    public MediaManagerActor(MediaSettings settings, TimeProvider time)
    {
        node = new MediaNode(settings, time);
        this.time = time;
        realtimePriority = settings.MixerRealtimePriority;
        Receive<AllocateEndpoint>(command =>
        {
            var reply = Guarded(command.SessionId, () => node.Allocate(command));
            if (reply is EndpointAllocated allocated && !Sender.IsNobody())
            {
                allocators.Set(allocated.EndpointId, Sender);
                orphans.Remove(allocated.EndpointId);
                Context.Watch(Sender);
            }

            Sender.Tell(reply);
        });
        Receive<ConfigureEndpoint>(command => Sender.Tell(Guarded(command.SessionId, () => node.Configure(command))));
        Receive<CreateMix>(command => Sender.Tell(Guarded(command.SessionId, () => node.CreateMix(command))));
        Receive<SetVideoRoutes>(command => Sender.Tell(Guarded(command.SessionId, () => node.SetVideoRoutes(command))));
        Receive<TransferToBridge>(command => Sender.Tell(Guarded(command.SessionId, () => node.TransferToBridge(command))));
        Receive<ReleaseEndpoint>(command =>
        {
            allocators.Remove(command.EndpointId ?? "");
            orphans.Remove(command.EndpointId ?? "");
            Sender.Tell(Guarded(command.SessionId, () => node.Release(command)));
        });
        Receive<ReleaseSession>(command =>
        {
            var owned = node.EndpointIdsOf(command.SessionId ?? "");
            Sender.Tell(Guarded(command.SessionId, () => node.Release(command)));
            foreach (var id in owned.Where(id => node.FindEndpoint(id) is null))
            {
                allocators.Remove(id);
                orphans.Remove(id);
            }
        });
        Receive<GetMediaStats>(_ => Sender.Tell(node.Stats()));
        Receive<MediaDrain.Query>(q => Sender.Tell(new MediaDrain.Status(node.ActiveEndpoints(q.Quiet), node.EndpointCount, otherMediaNodes.Count > 0)));
        Receive<MediaDrain.ListActive>(q => Sender.Tell(new MediaDrain.ActiveLegs([.. node.ActiveEndpointList(q.Quiet).Select(e => e.Describe())])));
        Receive<ClusterEvent.MemberUp>(up => TrackMediaMember(up.Member, present: true));
        Receive<ClusterEvent.MemberWeaklyUp>(up => TrackMediaMember(up.Member, present: true));
        Receive<ClusterEvent.MemberLeft>(left => TrackMediaMember(left.Member, present: false));
        Receive<ClusterEvent.MemberExited>(exited => TrackMediaMember(exited.Member, present: false));
        Receive<ClusterEvent.MemberDowned>(downed => TrackMediaMember(downed.Member, present: false));
        Receive<ClusterEvent.MemberRemoved>(removed => TrackMediaMember(removed.Member, present: false));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<CheckDeadMedia>(_ =>
        {
            ReportScheduling();
            foreach (var dead in node.CollectDead())
            {
                if (orphans.Contains(dead.EndpointId))
                {
                    ReleaseOrphan(dead.SessionId, dead.EndpointId);
                }
                else if (allocators.TryGetValue(dead.EndpointId, out var allocator))
                {
                    allocator.Tell(dead);
                }
            }
        });
        Receive<Terminated>(gone =>
        {
            foreach (var id in allocators.RemoveAllOf(gone.ActorRef))
            {
                if (node.FindEndpoint(id) is not { } endpoint)
                {
                    continue;
                }

                if (endpoint.DeadReportedAt is not null)
                {
                    ReleaseOrphan(endpoint.SessionId, id);
                }
                else
                {
                    orphans.Add(id);
                }
            }
        });
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The node behind the actor (tests and metrics on the same process).</summary>
    internal MediaNode Node => node;

    /// <summary>Props of the media manager for <paramref name="settings"/>; time defaults to the system clock.</summary>
    public static Props Props(MediaSettings settings, TimeProvider? time = null) =>
        Akka.Actor.Props.Create(() => new MediaManagerActor(settings, time ?? TimeProvider.System));

    /// <inheritdoc />
    protected override void PreStart()
    {
        var interval = node.Settings.DeadMediaCheckInterval > TimeSpan.Zero ? node.Settings.DeadMediaCheckInterval : TimeSpan.FromSeconds(1);
        Timers.StartPeriodicTimer("dead-media", CheckDeadMedia.Instance, interval);
        if (Context.System is ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
            RegisterDrain();
        }
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        if (Context.System is ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            Cluster.Get(Context.System).Unsubscribe(Self);
        }

        node.Dispose();
    }

    private void ReleaseOrphan(string sessionId, string endpointId)
    {
        orphans.Remove(endpointId);
        Guarded(sessionId, () => node.Release(new ReleaseEndpoint(sessionId, endpointId)));
    }

    /// <summary>
    /// Runs a command; a malformed one (nulls inside lists after deserialisation, say) gets a
    /// <see cref="MediaCommandFailed"/> instead of restarting the actor, which would drop every endpoint.
    /// </summary>
    private static object Guarded(string? sessionId, Func<object> handle)
    {
        try
        {
            return handle();
        }
        catch (Exception e) when (e is NullReferenceException or ArgumentException or InvalidOperationException)
        {
            return new MediaCommandFailed(sessionId ?? "", $"malformed command: {e.GetType().Name}");
        }
    }

    private sealed record CheckDeadMedia
    {
        public static CheckDeadMedia Instance { get; } = new();
    }

    /// <summary>Says once whether the mixing loops got the real-time class they asked for, and each time overloaded loops left it.</summary>
    private void ReportScheduling()
    {
        if (realtimePriority == 0)
        {
            return;
        }

        long leaves = node.Loops.Sum(l => l.RealtimeLeaves);
        if (leaves > reportedLeaves)
        {
            Context.GetLogger().Warning(
                "Mixing loops overloaded: {0} time(s) a loop busier than {1:P0} of its core left SCHED_FIFO so as not to starve the node's other threads; it asks again after {2} calm seconds",
                leaves - reportedLeaves, RealtimeGuard.LeaveAbove, RealtimeGuard.CalmWindows);
            reportedLeaves = leaves;
        }

        if (schedulingReported)
        {
            return;
        }

        schedulingReported = true;
        var realtime = node.Loops.Count(l => l.Realtime);
        if (realtime == node.Loops.Count)
        {
            Context.GetLogger().Info("Mixing loops: {0}, SCHED_FIFO priority {1}", realtime, realtimePriority);
        }
        else
        {
            Context.GetLogger().Warning(
                "Mixing loops: {0} of {1} run SCHED_FIFO priority {2}; the others share their core with the socket threads (grant CAP_SYS_NICE, or set Media:MixerRealtimePriority=0)",
                realtime, node.Loops.Count, realtimePriority);
        }
    }
}
