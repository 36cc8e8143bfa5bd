using System.CommandLine;

namespace CallCluster.Host.Cli;

/// <summary>
/// The `callcluster` command line. Commands are listed in <see cref="Commands"/>; a parse error
/// prints one line on stderr and exits with <see cref="ExitCodes.Usage"/>.
/// </summary>
public static class CommandLineApp
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("CallCluster: a SIP call-control cluster. 'callcluster run' starts a node.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }
        root.SetAction(_ =>
        {
            Console.Error.WriteLine("callcluster: no command given; try 'callcluster --help'");
            return ExitCodes.Usage;
        });
        return root;
    }

    /// <summary>Every subcommand of `callcluster`. Further commands (demo, phone) are added here.</summary>
    public static IEnumerable<Command> Commands()
    {
        yield return RunCommand.Create();
        yield return Demo.DemoCommand.Create();
        yield return PhoneCommandLine.Create();
    }

    public static int Invoke(IReadOnlyList<string> args)
    {
        var parsed = CreateRoot().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            Console.Error.WriteLine($"callcluster: {OneLine(parsed.Errors[0].Message)} (try 'callcluster --help')");
            return ExitCodes.Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
