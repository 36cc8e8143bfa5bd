namespace CallCluster.Sip.Rtp;

/// <summary>64-bit NTP timestamps (seconds since 1900 in the high word, fraction in the low word) as used by RTCP.</summary>
public static class NtpTime
{
    private static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Converts a wall-clock time to NTP format (era 0, times from 1900 to 2036).</summary>
    public static ulong FromDateTimeOffset(DateTimeOffset time)
    {
        long ticks = (time - Epoch).Ticks;
        ulong seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        ulong fraction = (ulong)(ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    /// <summary>Converts an NTP timestamp to a wall-clock time (era 0).</summary>
    public static DateTimeOffset ToDateTimeOffset(ulong ntp)
    {
        ulong seconds = ntp >> 32;
        ulong fraction = ntp & 0xFFFFFFFF;
        long ticks = ((long)seconds * TimeSpan.TicksPerSecond) + (long)(fraction * TimeSpan.TicksPerSecond >> 32);
        return Epoch.AddTicks(ticks);
    }

    /// <summary>The middle 32 bits, as carried in the LSR field of a report block.</summary>
    public static uint Middle32(ulong ntp) => (uint)(ntp >> 16);
}
