using System.Diagnostics.Metrics;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// Session instruments on the process-wide "CallCluster" meter (the node's /metrics reads them):
/// active sessions, sessions ended by outcome, and the time a session waits for its journal write.
/// </summary>
public static class SessionMetrics
{
    private static readonly Meter Meter = new("CallCluster");
    private static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>("callcluster.sessions.active");
    private static readonly Counter<long> Ended = Meter.CreateCounter<long>("callcluster.sessions.ended");
    private static readonly Histogram<double> JournalWrite = Meter.CreateHistogram<double>("callcluster.journal.write.duration", "s");

    /// <summary>Counts what newly persisted events say about the session's life (never replayed ones).</summary>
    public static void Persisted(ISessionEvent e)
    {
        switch (e)
        {
            case SessionEvents.SessionCreated:
                Active.Add(1);
                break;
            case SessionEvents.SessionEnded ended:
                Active.Add(-1);
                Ended.Add(1, new KeyValuePair<string, object?>("outcome", ended.Reason.ToCdrText()));
                break;
        }
    }

    /// <summary>One journal write of a session, from the persist call to its last handler.</summary>
    public static void JournalWritten(TimeSpan elapsed) => JournalWrite.Record(elapsed.TotalSeconds);
}
