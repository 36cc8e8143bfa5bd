using CallCluster.Actors.Sessions;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;

namespace CallCluster.Gateway.Core;

/// <summary>An inbound INVITE this node holds the server transaction of, until its final response.</summary>
internal sealed record InboundLeg(
    SessionId Session,
    LegId Leg,
    TransactionKey Key,
    SipRequest Invite,
    string LocalTag,
    string Contact,
    string? Mobile,
    IReadOnlyList<(string Name, string Value)> PassThrough,
    TransactionPeer Peer);

/// <summary>One branch of an outbound leg's INVITE (one registered contact).</summary>
internal sealed class OutboundFork(OutboundLeg leg, SipRequest invite, TransactionPeer peer)
{
    public OutboundLeg Leg { get; } = leg;

    public SipRequest Invite { get; } = invite;

    public TransactionPeer Peer { get; } = peer;

    public int? FinalStatus { get; set; }
}

/// <summary>An outbound leg's INVITE on this node: its forks and which one answered first.</summary>
internal sealed class OutboundLeg(SessionId session, LegId leg)
{
    public SessionId Session { get; } = session;

    public LegId Leg { get; } = leg;

    public List<OutboundFork> Forks { get; } = [];

    public OutboundFork? Winner { get; set; }

    public bool Cancelled { get; set; }

    public bool Reported { get; set; }

    public int LastProvisional { get; set; }
}

/// <summary>A 2xx to an INVITE we retransmit until its ACK arrives (RFC 3261 13.3.1.4).</summary>
internal sealed class PendingOk(SipResponse response, TransactionPeer peer, TimeSpan interval, DateTimeOffset giveUpAt)
{
    public SipResponse Response { get; } = response;

    public TransactionPeer Peer { get; } = peer;

    public TimeSpan Interval { get; set; } = interval;

    public DateTimeOffset GiveUpAt { get; } = giveUpAt;
}

internal sealed record RetransmitOk(string Key);
