using System.CommandLine;

namespace CallCluster.Host.Demo;

/// <summary>`callcluster demo`: the home video call end to end on this machine, narrated.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the home video call end to end with three built-in terminals (mobile, TV, remote) and narrate it. Exit 0 when every step held.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parsed, _) =>
        {
            var narrator = new DemoNarrator(Console.Out);
            return await new DemoScenario(narrator).RunAsync(parsed.UnmatchedTokens);
        });
        return command;
    }
}
