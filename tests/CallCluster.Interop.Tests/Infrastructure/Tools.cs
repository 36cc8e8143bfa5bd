namespace CallCluster.Interop.Tests.Infrastructure;

/// <summary>Locations of the SIPp scenarios and the external peers (SIPp, baresip); the build is in <see cref="RepositoryPaths"/>.</summary>
public static class Tools
{
    /// <summary>A SIPp scenario file from bench/sipp, copied next to the tests.</summary>
    public static string Scenario(string name) => Sipp.Scenario(name);

    /// <summary>The full path of an executable on PATH; fails the test loudly when it is not installed.</summary>
    public static string Require(string executable, string package)
    {
        var path = ExternalTools.Find(executable);
        Assert.True(path is not null, $"'{executable}' is not installed (Debian package {package}); scripts/test.sh installs it. Interop tests never skip.");
        return path!;
    }
}
