namespace CallCluster.Host.Cli;

/// <summary>Process exit codes of `callcluster`.</summary>
public static class ExitCodes
{
    /// <summary>Clean stop (including SIGTERM).</summary>
    public const int Ok = 0;

    /// <summary>The node failed while running.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line, bad setting or bad provisioning file: nothing was started.</summary>
    public const int Usage = 2;
}
