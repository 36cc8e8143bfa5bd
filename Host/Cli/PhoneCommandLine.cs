using System.CommandLine;
using CallCluster.Terminal;

namespace CallCluster.Host.Cli;

/// <summary>`callcluster phone ...`: one terminal agent (mobile, local terminal or remote); see Terminal/README.md.</summary>
public static class PhoneCommandLine
{
    public static Command Create()
    {
        var command = new Command("phone", "Run one SIP terminal (register, call, auto-answer bound mobiles, tone and test-pattern video); JSON lines on stdout.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parsed, cancellation) =>
            PhoneCommand.RunAsync(parsed.UnmatchedTokens, Console.Out, Console.Error, cancellation));
        return command;
    }
}
