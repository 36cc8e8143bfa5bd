namespace CallCluster.Actors.Sessions;

/// <summary>Whether a party is a provisioned subscriber or a peer switch.</summary>
public enum PartyKind
{
    Subscriber = 0,
    Trunk = 1,
}

/// <summary>
/// One party of a session: its address (AOR or number as a SIP URI), what it is, and for trunks
/// the trunk's name. Plain calls cover subscriber/trunk combinations through these descriptors.
/// </summary>
public sealed record Party(string Uri, PartyKind Kind = PartyKind.Subscriber, string? Trunk = null, string? DisplayName = null);

/// <summary>One SIP header the gateway must add to a request it sends for the session.</summary>
public sealed record SipHeader(string Name, string Value);
