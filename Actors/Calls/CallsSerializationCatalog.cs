using CallCluster.Actors.Serialization;
using static CallCluster.Actors.Calls.MobileCallsCommands;
using static CallCluster.Actors.Calls.MobileCallsReplies;

namespace CallCluster.Actors.Calls;

/// <summary>Manifests of the gateway's call index, prefixed "g". Never rename or reuse one.</summary>
public sealed class CallsSerializationCatalog : ISerializationCatalog
{
    private static readonly DateTimeOffset T = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public IEnumerable<ManifestEntry> Entries =>
    [
        new("gc1", typeof(PlaceCall), () => new PlaceCall("alice", "s-1", "i-1", "tv", true, "tok")),
        new("gc2", typeof(CallEnded), () => new CallEnded("alice", "s-1", "i-1")),
        new("gc3", typeof(GetCalls), () => new GetCalls("alice")),
        new("gr1", typeof(JoinDecision), () => new JoinDecision("alice", "s-1", true)),
        new("gr2", typeof(LiveCalls), () => new LiveCalls("alice", [new MobileCall("s-1", "i-1", "tv", true, null, T)])),
        new("gm1", typeof(MobileCall), () => new MobileCall("s-1", "i-1", "tv", true, "tok", T)),
        new("gx1", typeof(RelayedSipPacket), () => new RelayedSipPacket("U0lQLzIuMCAyMDAgT0sNCg0K", "udp", "127.0.0.1:5070", "127.0.0.1:5060")),
        new("gx2", typeof(DeliverSipEffect), () => new DeliverSipEffect(7, new Sessions.SessionEffects.SendProvisional(new("s-1"), new("i1-aaaa"), 180, null), Akka.Actor.ActorRefs.Nobody)),
        new("gx3", typeof(SipEffectDelivered), () => new SipEffectDelivered(7)),
    ];
}
