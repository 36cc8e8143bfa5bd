namespace CallCluster.TestSupport;

/// <summary>Locations in the repository and the Host build output.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 10 && directory is not null; i++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallCluster.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"CallCluster.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// callcluster.dll built in the same configuration as the running tests: the ReadyToRun publish
    /// that the test command makes (<c>Host/bin/Release/ready-to-run</c>, as in the image) when it is
    /// at least as new as the build output, else the build output.
    /// </summary>
    public static string CallClusterDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var bin = Path.Combine(Root(), "Host", "bin", configuration);
        var path = Path.Combine(bin, "net10.0", "callcluster.dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} does not exist; build Host/CallCluster.Host.csproj -c {configuration} first");
        }
        var published = Path.Combine(bin, ReadyToRunFolder, "callcluster.dll");
        return File.Exists(published) && File.GetLastWriteTimeUtc(published) >= File.GetLastWriteTimeUtc(path) ? published : path;
    }

    /// <summary>Where <c>scripts/test.sh</c> publishes the ReadyToRun build, under <c>Host/bin/CONFIGURATION</c>.</summary>
    public const string ReadyToRunFolder = "ready-to-run";
}
