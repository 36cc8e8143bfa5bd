namespace CallCluster.Host;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("callcluster: not yet wired");
        return args.Length == 0 ? 2 : 2;
    }
}
