using System.Security.Cryptography;
using System.Text;
using Akka.Actor;
using Akka.Cluster;

namespace CallCluster.Gateway.Hosting;

/// <summary>
/// A short token naming a gateway node, carried in the ids of the inbound legs it holds (their
/// INVITE server transactions live there), so that a session's answer for such a leg reaches
/// that node whichever gateway outbox receives it.
/// </summary>
public static class GatewayNode
{
    public static string TokenOf(Address address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToString())).AsSpan(0, 4));

    /// <summary>This node's token: from its cluster address, or "local" without a cluster provider.</summary>
    public static string TokenOf(ActorSystem system) =>
        ((ExtendedActorSystem)system).Provider is ClusterActorRefProvider ? TokenOf(Cluster.Get(system).SelfAddress) : "local";

    /// <summary>The token an inbound leg id ends with ("i" + tag + "-" + token), or null.</summary>
    public static string? TokenOfLeg(string legId)
    {
        var dash = legId.LastIndexOf('-');
        return legId.StartsWith('i') && dash > 0 ? legId[(dash + 1)..] : null;
    }

    /// <summary>The address of the cluster member with <paramref name="token"/>, or null.</summary>
    public static Address? MemberWith(ActorSystem system, string token) =>
        ((ExtendedActorSystem)system).Provider is ClusterActorRefProvider
            ? Cluster.Get(system).State.Members.Select(m => m.Address).FirstOrDefault(a => TokenOf(a) == token)
            : null;
}
