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

    /// <summary>callcluster.dll built in the same configuration as the running tests.</summary>
    public static string CallClusterDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var path = Path.Combine(Root(), "Host", "bin", configuration, "net10.0", "callcluster.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} does not exist; build Host/CallCluster.Host.csproj -c {configuration} first");
    }
}
