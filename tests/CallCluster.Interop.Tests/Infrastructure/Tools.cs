namespace CallCluster.Interop.Tests.Infrastructure;

/// <summary>Locations of the repository, the callcluster build and the external peers (SIPp, baresip).</summary>
public static class Tools
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
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} does not exist; build Host/CallCluster.Host.csproj first");
        }
        return path;
    }

    /// <summary>A SIPp scenario file from bench/sipp, copied next to the tests.</summary>
    public static string Scenario(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "sipp", name);
        return File.Exists(path) ? path : throw new InvalidOperationException($"scenario {path} missing");
    }

    /// <summary>The full path of an executable on PATH; fails the test loudly when it is not installed.</summary>
    public static string Require(string executable, string package)
    {
        var path = Find(executable);
        Assert.True(path is not null, $"'{executable}' is not installed (Debian package {package}); scripts/test.sh installs it. Interop tests never skip.");
        return path!;
    }

    public static string? Find(string executable)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(Path.PathSeparator);
        return folders.Select(f => Path.Combine(f, executable)).FirstOrDefault(File.Exists);
    }
}
