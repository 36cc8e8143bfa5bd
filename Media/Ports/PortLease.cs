namespace CallCluster.Media.Ports;

/// <summary>
/// One even/odd port pair taken from a <see cref="PortPool"/>: RTP on the even port, RTCP on the
/// next one, or both on the even port with rtcp-mux (the odd port then stays reserved, unused).
/// </summary>
public sealed record PortLease(long Id, int RtpPort, int RtcpPort, bool RtcpMux)
{
    /// <summary>Ports this lease really uses (1 with rtcp-mux, otherwise 2).</summary>
    public int PortCount => RtcpMux ? 1 : 2;
}
