namespace CallCluster.Chaos.Tests.Cluster;

/// <summary>Locations in the repository and the Host build output.</summary>
public static class ChaosPaths
{
    public static string RepositoryRoot()
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

    /// <summary>callcluster.dll built in the same configuration as these tests.</summary>
    public static string CallClusterDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var path = Path.Combine(RepositoryRoot(), "Host", "bin", configuration, "net10.0", "callcluster.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} does not exist; build Host/CallCluster.Host.csproj -c {configuration} first");
    }
}
