namespace CallCluster.Sip.Rtp;

/// <summary>
/// Reception statistics of one incoming RTP source (RFC 3550 appendices A.3 and A.8): extended
/// highest sequence number, cumulative and interval loss, interarrival jitter, and the LSR/DLSR
/// pair from the source's last sender report; produces the report block for an RR or SR.
/// Owned by one receive loop (not thread-safe); times are monotonic and passed in by the caller.
/// </summary>
public sealed class RtpReceiveStatistics(int clockRate)
{
    private long _baseExtended;
    private long _highestExtended;
    private bool _started;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private double _jitter;
    private bool _hasTransit;
    private long _lastTransit;
    private uint _lastSenderReport;
    private TimeSpan _lastSenderReportArrival;
    private bool _hasSenderReport;

    /// <summary>Clock rate of the payload in Hz (8000 for G.711, 90000 for video).</summary>
    public int ClockRate { get; } = clockRate > 0 ? clockRate : throw new ArgumentOutOfRangeException(nameof(clockRate));

    /// <summary>Packets received (duplicates included, as RFC 3550 counts them).</summary>
    public long PacketsReceived => _received;

    /// <summary>Highest sequence number seen, extended with the cycle count.</summary>
    public long ExtendedHighestSequence => _highestExtended;

    /// <summary>Packets expected from the first to the highest sequence number.</summary>
    public long PacketsExpected => _started ? _highestExtended - _baseExtended + 1 : 0;

    /// <summary>Expected minus received (negative with duplicates).</summary>
    public long CumulativeLost => PacketsExpected - _received;

    /// <summary>Interarrival jitter estimate in timestamp units.</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>Records a packet with its sequence number, RTP timestamp and arrival time.</summary>
    public void OnPacket(ushort sequenceNumber, uint timestamp, TimeSpan arrival)
    {
        if (!_started)
        {
            _started = true;
            _baseExtended = sequenceNumber;
            _highestExtended = sequenceNumber;
        }
        else
        {
            _highestExtended = Math.Max(_highestExtended, RtpSequence.Extend(_highestExtended, sequenceNumber));
        }

        _received++;
        long arrivalUnits = (long)(arrival.Ticks * (double)ClockRate / TimeSpan.TicksPerSecond);
        long transit = arrivalUnits - timestamp;
        if (_hasTransit)
        {
            long d = Math.Abs(transit - _lastTransit);
            if (d < int.MaxValue)
            {
                _jitter += (d - _jitter) / 16.0;
            }
        }

        _hasTransit = true;
        _lastTransit = transit;
    }

    /// <summary>Records a sender report received from this source.</summary>
    public void OnSenderReport(ulong ntpTimestamp, TimeSpan arrival)
    {
        _lastSenderReport = NtpTime.Middle32(ntpTimestamp);
        _lastSenderReportArrival = arrival;
        _hasSenderReport = true;
    }

    /// <summary>
    /// The report block about <paramref name="sourceSsrc"/> at <paramref name="now"/>; starts a new
    /// interval for the fraction lost.
    /// </summary>
    public RtcpReportBlock CreateReportBlock(uint sourceSsrc, TimeSpan now)
    {
        long expected = PacketsExpected;
        long expectedInterval = expected - _expectedPrior;
        long receivedInterval = _received - _receivedPrior;
        long lostInterval = expectedInterval - receivedInterval;
        _expectedPrior = expected;
        _receivedPrior = _received;
        byte fraction = expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);

        uint delay = 0;
        if (_hasSenderReport && now > _lastSenderReportArrival)
        {
            delay = (uint)Math.Min(uint.MaxValue, (now - _lastSenderReportArrival).Ticks * 65536 / TimeSpan.TicksPerSecond);
        }

        return new RtcpReportBlock(
            sourceSsrc,
            fraction,
            (int)Math.Clamp(CumulativeLost, -0x800000, 0x7FFFFF),
            unchecked((uint)_highestExtended),
            Jitter,
            _hasSenderReport ? _lastSenderReport : 0,
            delay);
    }
}
