namespace CallCluster.Sip.Rtp;

/// <summary>Wrap-aware arithmetic on 16-bit RTP sequence numbers and 32-bit timestamps (RFC 3550 appendix A.1).</summary>
public static class RtpSequence
{
    /// <summary>Signed distance from <paramref name="from"/> to <paramref name="to"/> in -32768..32767 (positive when <paramref name="to"/> is newer).</summary>
    public static int Difference(ushort from, ushort to) => unchecked((short)(ushort)(to - from));

    /// <summary>True if <paramref name="candidate"/> comes after <paramref name="reference"/> (within half the number space).</summary>
    public static bool IsNewer(ushort candidate, ushort reference) => Difference(reference, candidate) > 0;

    /// <summary>Signed distance between two RTP timestamps (positive when <paramref name="to"/> is later).</summary>
    public static long TimestampDifference(uint from, uint to) => unchecked((int)(to - from));

    /// <summary>
    /// Extends a 16-bit sequence number to 64 bits given the highest extended number seen so far,
    /// choosing the cycle closest to it.
    /// </summary>
    public static long Extend(long highestExtended, ushort sequence)
    {
        long candidate = (highestExtended & ~0xFFFFL) | sequence;
        long delta = candidate - highestExtended;
        if (delta > 0x8000)
        {
            candidate -= 0x10000;
        }
        else if (delta < -0x8000)
        {
            candidate += 0x10000;
        }

        return candidate;
    }
}
