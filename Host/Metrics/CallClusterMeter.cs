namespace CallCluster.Host.Metrics;

/// <summary>
/// Names of the System.Diagnostics.Metrics instruments other projects publish on the meter
/// "CallCluster"; <see cref="CallClusterMeterBridge"/> maps them onto <see cref="CallClusterMetrics"/>.
/// </summary>
public static class CallClusterMeter
{
    public const string Name = "CallCluster";

    /// <summary>UpDownCounter&lt;long&gt;: +1 when a session starts, -1 when it ends.</summary>
    public const string SessionsActive = "callcluster.sessions.active";

    /// <summary>Counter&lt;long&gt; with tag "outcome" (for example answered, busy, no-answer, failed).</summary>
    public const string SessionsEnded = "callcluster.sessions.ended";

    /// <summary>Histogram&lt;double&gt; in seconds: one journal write.</summary>
    public const string JournalWriteDuration = "callcluster.journal.write.duration";

    /// <summary>Counter&lt;long&gt; with tags "method" and "status" (0 for requests).</summary>
    public const string SipMessagesIn = "callcluster.sip.messages.in";

    /// <summary>Counter&lt;long&gt; with tags "method" and "status" (0 for requests).</summary>
    public const string SipMessagesOut = "callcluster.sip.messages.out";

    /// <summary>UpDownCounter&lt;long&gt;: RTP ports leased by the media role (+ on lease, - on release).</summary>
    public const string MediaPortsAllocated = "callcluster.media.rtp.ports.allocated";

    /// <summary>Counter&lt;long&gt;: RTP/RTCP packets dropped for coming from another source than the endpoint's latched peer.</summary>
    public const string MediaForeignDropped = "callcluster.media.rtp.foreign.dropped";
}
