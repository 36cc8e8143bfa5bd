using CallCluster.Host.Cli;

namespace CallCluster.Host;

public static class Program
{
    public static int Main(string[] args) => CommandLineApp.Invoke(args);
}
