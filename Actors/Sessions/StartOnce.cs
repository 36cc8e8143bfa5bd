namespace CallCluster.Actors.Sessions;

/// <summary>
/// The start of the instances built from one session's props: <see cref="SessionStart.New"/> for
/// the first only; later ones (restarts after a failure) replay the journal instead.
/// </summary>
internal sealed class StartOnce(SessionStart start)
{
    private int _taken;

    public SessionStart Take() =>
        Interlocked.Exchange(ref _taken, 1) == 0 || start != SessionStart.New ? start : SessionStart.WithoutSnapshot;
}
