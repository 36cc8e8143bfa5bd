using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>
/// Rewrites a description so that its media flows through a media anchor (the B2BUA's
/// endpoints): new origin, the anchor's address, one port per m= line, ICE lines removed
/// (candidates would point around the anchor). Rejected lines stay rejected.
/// </summary>
public static class SdpAnchoring
{
    private static readonly string[] IceAttributes =
        ["candidate", "remote-candidates", "end-of-candidates", "ice-ufrag", "ice-pwd", "ice-options", "ice-lite", "ice-mismatch"];

    /// <summary>
    /// The rewritten description. <paramref name="ports"/> holds the anchor's RTP port per m= line; a
    /// missing or non-positive entry rejects that line (port 0). a=rtcp lines are replaced by
    /// <paramref name="rtcpPorts"/> entries where given, otherwise removed (RTCP on port + 1, or
    /// on the RTP port under rtcp-mux).
    /// </summary>
    public static SessionDescription Rewrite(SessionDescription sdp, SdpOrigin origin, string address, ValueList<int> ports, ValueList<int?> rtcpPorts = default)
    {
        var media = new MediaDescription[sdp.Media.Count];
        for (int i = 0; i < media.Length; i++)
        {
            var line = WithoutIce(sdp.Media[i]).WithConnectionAddress(address);
            int port = i < ports.Count ? ports[i] : 0;
            media[i] = line.IsRejected || port <= 0
                ? line.WithPort(0) with { Connection = null }
                : line.WithPort(port, i < rtcpPorts.Count ? rtcpPorts[i] : null);
        }

        return sdp with
        {
            Origin = origin,
            Connection = SdpConnection.Create(address),
            Attributes = ValueList.From(sdp.Attributes.Where(a => !IceAttributes.Contains(a.Name))),
            Media = ValueList.Create<MediaDescription>(media),
        };
    }

    private static MediaDescription WithoutIce(MediaDescription media) =>
        media with { Attributes = ValueList.From(media.Attributes.Where(a => !IceAttributes.Contains(a.Name))) };
}
