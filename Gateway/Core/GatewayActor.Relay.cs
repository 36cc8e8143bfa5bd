using System.Net;
using Akka.Actor;
using Akka.Cluster;
using CallCluster.Actors.Calls;
using CallCluster.Actors.Hosting;
using CallCluster.Gateway.Wire;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transport;

namespace CallCluster.Gateway.Core;

public sealed partial class GatewayActor
{
    private const string OutboxPath = "/user/sip-outbox";

    /// <summary>The packet being handled (set while a received response goes through the transaction layer).</summary>
    private SipInboundPacket? _packet;

    /// <summary>True while the packet being handled was relayed by another gateway node (never relayed again).</summary>
    private bool _relayed;

    /// <summary>
    /// A response that matched no transaction here but carries our branch (session and leg): with
    /// several gateway nodes on one SIP address it may belong to a transaction another node holds.
    /// Sends it to every other gateway member's outbox; returns false when it was not relayed
    /// (relayed to us, not a response from the wire, or no other gateway member).
    /// </summary>
    private bool RelayToOtherGateways(SipResponse response)
    {
        if (_relayed || _packet is not { } packet || !ClusterAddress.TryReadBranch(response.TopVia?.Branch, out _, out _)
            || ((ExtendedActorSystem)Context.System).Provider is not ClusterActorRefProvider)
        {
            return false;
        }

        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        var others = cluster.State.Members
            .Where(m => m.Status == MemberStatus.Up && m.HasRole(NodeSettings.GatewayRole) && m.Address != cluster.SelfAddress)
            .ToList();
        if (others.Count == 0)
        {
            return false;
        }

        var relayed = new RelayedSipPacket(
            Convert.ToBase64String(packet.Data.Span),
            packet.Transport.ToViaToken(),
            packet.Remote.ToString(),
            packet.Local.ToString());
        foreach (var member in others)
        {
            Context.ActorSelection(member.Address + OutboxPath).Tell(relayed, Self);
        }

        return true;
    }

    private void OnRelayed(RelayedSipPacket relayed)
    {
        if (!IPEndPoint.TryParse(relayed.Remote, out var remote) || !IPEndPoint.TryParse(relayed.Local, out var local))
        {
            return;
        }

        byte[] data;
        try
        {
            data = Convert.FromBase64String(relayed.Data);
        }
        catch (FormatException)
        {
            return;
        }

        var kind = relayed.Transport == "udp" ? SipTransportKind.Udp : SipTransportKind.Tcp;
        _relayed = true;
        try
        {
            OnPacket(new SipInboundPacket(data, kind, remote, local, 0));
        }
        finally
        {
            _relayed = false;
        }
    }
}
