using System.Net;

namespace CallCluster.Terminal.Media;

/// <summary>What offer/answer agreed for one stream: codec, payload type and where the peer receives.</summary>
/// <param name="Media">"audio" or "video".</param>
/// <param name="EncodingName">PCMU, PCMA, VP8 or H264.</param>
/// <param name="PayloadType">The negotiated RTP payload type.</param>
/// <param name="ClockRate">RTP clock rate of the codec.</param>
/// <param name="RemoteRtp">Where RTP goes, or null when the peer does not receive (hold, recvonly).</param>
/// <param name="RemoteRtcp">Where RTCP goes (the RTP address with rtcp-mux).</param>
/// <param name="Send">True when this side sends on the stream.</param>
public sealed record StreamSettings(string Media, string EncodingName, int PayloadType, int ClockRate, IPEndPoint? RemoteRtp, IPEndPoint? RemoteRtcp, bool Send);
