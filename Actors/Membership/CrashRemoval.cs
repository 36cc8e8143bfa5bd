using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace CallCluster.Actors.Membership;

/// <summary>
/// Lets this node's cluster singletons (the shard coordinators, the directory) take over from a
/// downed member as soon as it is removed when its process is provably gone, instead of after the
/// removal margin. Akka's singleton manager waits <c>down-removal-margin</c> after a downed
/// member's removal before it starts the singleton here, because the downed side of a partition
/// may still be running its instance until it notices and shuts down. A member whose cluster port
/// refuses connections runs nothing: its process has exited, and no new one listens there yet. So
/// when a member that was down is removed, this actor probes its cluster port once; on a refusal
/// it sends each local singleton manager the message that ends that wait (<see cref="SingletonRemoval"/>).
/// A member that answers, or a silent network (a partition, a lost host), keeps the full margin.
/// </summary>
public sealed class CrashRemoval : ReceiveActor
{
    private readonly IPortProbe _probe;
    private readonly IReadOnlyList<string> _managers;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public CrashRemoval(IPortProbe probe, IReadOnlyList<string> managers)
    {
        _probe = probe;
        _managers = managers;
        Receive<ClusterEvent.MemberRemoved>(OnRemoved);
        Receive<Probed>(OnProbed);
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

    /// <summary>Props for the singleton managers at <paramref name="managers"/> (local actor paths), with the real TCP probe unless another is given.</summary>
    public static Props Props(IReadOnlyList<string> managers, IPortProbe? probe = null) =>
        Akka.Actor.Props.Create(() => new CrashRemoval(probe ?? new TcpPortProbe(), managers));

    protected override void PreStart()
    {
        if (!SingletonRemoval.Available)
        {
            _log.Warning("The singleton manager's removal message was not found in this Akka.Cluster.Tools; singletons wait the full removal margin after a crash");
            Context.Stop(Self);
            return;
        }

        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));
    }

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private void OnRemoved(ClusterEvent.MemberRemoved removed)
    {
        var address = removed.Member.Address;
        if (removed.PreviousStatus != MemberStatus.Down || address.Host is null || address.Port is null
            || address.Equals(Akka.Cluster.Cluster.Get(Context.System).SelfAddress))
        {
            return;
        }

        var member = removed.Member;
        _probe.ProbeAsync(address.Host, address.Port.Value, CrashDowning.ProbeTimeout)
            .PipeTo(Self, success: outcome => new Probed(member, outcome), failure: _ => new Probed(member, PortProbeOutcome.NoAnswer));
    }

    private void OnProbed(Probed probed)
    {
        if (probed.Outcome != PortProbeOutcome.Refused || SingletonRemoval.For(probed.Member) is not { } message)
        {
            return;
        }

        foreach (var manager in _managers)
        {
            Context.ActorSelection(manager).Tell(message, Self);
        }

        _log.Info("{0} removed and its cluster port refuses connections: the singletons here take over without the removal margin", probed.Member.Address);
    }

    private sealed record Probed(Member Member, PortProbeOutcome Outcome);
}
