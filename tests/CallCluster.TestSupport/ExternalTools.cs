namespace CallCluster.TestSupport;

/// <summary>External peers the process-level tests run (SIPp, baresip): found on PATH, or a loud failure.</summary>
public static class ExternalTools
{
    /// <summary>The full path of an executable on PATH; throws (the test fails) when it is not installed. Tests that need a peer never skip.</summary>
    public static string Require(string executable, string package) =>
        Find(executable) ?? throw new InvalidOperationException($"'{executable}' is not installed (Debian package {package}); scripts/test.sh installs it. Tests that need it never skip.");

    public static string? Find(string executable)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(Path.PathSeparator);
        return folders.Select(f => Path.Combine(f, executable)).FirstOrDefault(File.Exists);
    }
}
