namespace CallCluster.Actors.MediaProtocol;

/// <summary>
/// The direction attribute of the peer's SDP for one stream, seen from the peer: <c>SendOnly</c>
/// means the peer sends and does not want to receive (it holds us), so the media node sends it nothing.
/// </summary>
public enum MediaDirection
{
    /// <summary>a=sendrecv: media both ways.</summary>
    SendRecv = 0,

    /// <summary>a=sendonly: the peer sends only; nothing is sent to it.</summary>
    SendOnly = 1,

    /// <summary>a=recvonly: the peer only receives; what it sends is ignored.</summary>
    RecvOnly = 2,

    /// <summary>a=inactive: nothing either way.</summary>
    Inactive = 3,
}
