using System.Net;

namespace CallCluster.Media.Streams;

/// <summary>
/// Which source a stream takes RTP from. Symmetric RTP sends to where the peer's packets really
/// come from (terminals behind NAT), but "the first packet wins, for ever" lets any stray sender
/// take the stream: a terminal still sending to a port that a restarted media node has just given
/// to another call, or an attacker guessing ports (the RTP bleed attack). The rule:
/// <list type="number">
/// <item>nothing latched yet: the first packet latches its source;</item>
/// <item>a packet from the latched source is taken;</item>
/// <item>a packet from the address the peer's SDP declared latches it at once (the peer proves itself);</item>
/// <item>a packet from any other source is dropped, unless the latched source has been silent for
/// <see cref="Relatch"/>: then it latches (a NAT binding that changed, a peer that moved).</item>
/// </list>
/// A new configuration (re-INVITE, moved call) clears the latch.
/// </summary>
public static class SourceLatch
{
    /// <summary>Silence of the latched source after which another source may take the stream.</summary>
    public static readonly TimeSpan Relatch = TimeSpan.FromMilliseconds(500);

    /// <summary>What to do with one inbound packet.</summary>
    public enum Verdict
    {
        /// <summary>From the latched source: take it.</summary>
        Take,

        /// <summary>Latch its source, then take it.</summary>
        Latch,

        /// <summary>From another source while the latched one is alive: drop it.</summary>
        Drop,
    }

    /// <param name="from">The packet's source.</param>
    /// <param name="latched">The latched source, if any.</param>
    /// <param name="declared">Where the peer's SDP says it is, if known.</param>
    /// <param name="latchedSilence">Time since the peer was last heard (RTP taken from the latched source, or its RTCP).</param>
    public static Verdict Judge(SocketAddress from, SocketAddress? latched, SocketAddress? declared, TimeSpan latchedSilence)
    {
        if (latched is null)
        {
            return Verdict.Latch;
        }

        if (latched.Equals(from))
        {
            return Verdict.Take;
        }

        if (declared is not null && declared.Equals(from))
        {
            return Verdict.Latch;
        }

        return latchedSilence >= Relatch ? Verdict.Latch : Verdict.Drop;
    }
}
