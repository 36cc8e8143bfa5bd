using CallCluster.Terminal.Json;

namespace CallCluster.Terminal;

/// <summary>
/// The <c>callcluster phone</c> command: runs one <see cref="TerminalAgent"/> from command-line
/// options and prints its events as JSON lines. Exit codes: 0 done, 1 registration or call
/// set-up failed, 2 bad arguments.
/// </summary>
public static class PhoneCommand
{
    /// <summary>Runs until --duration elapses or Ctrl+C; output on stdout, errors on stderr.</summary>
    public static int Run(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return RunAsync(args, Console.Out, Console.Error, cancel.Token).GetAwaiter().GetResult();
    }

    /// <summary>Runs the command writing JSON lines to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!PhoneArguments.TryParse(args, out var parsed, out var error) || parsed is null)
        {
            await errors.WriteLineAsync(error + Environment.NewLine + PhoneArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        var agent = await TerminalAgent.StartAsync(parsed.Options).ConfigureAwait(false);
        var writer = Task.Run(async () =>
        {
            await foreach (var e in agent.Events.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await output.WriteLineAsync(TerminalJson.Format(e, parsed.Options.User)).ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }, CancellationToken.None);
        var exit = 0;
        try
        {
            if (parsed.Options.Registrar is not null && !await agent.RegisterAsync().ConfigureAwait(false))
            {
                exit = 1;
                return exit;
            }

            var calls = new List<TerminalCall>();
            foreach (var target in parsed.Calls)
            {
                try
                {
                    calls.Add(await agent.PlaceCallAsync(target, parsed.Headers).ConfigureAwait(false));
                }
                catch (ArgumentException e)
                {
                    await errors.WriteLineAsync(e.Message).ConfigureAwait(false);
                    exit = 1;
                }
            }

            await Wait(agent, calls, parsed, cancellationToken).ConfigureAwait(false);
            return exit;
        }
        finally
        {
            await agent.DisposeAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
        }
    }

    private static async Task Wait(TerminalAgent agent, List<TerminalCall> calls, PhoneArguments parsed, CancellationToken cancellationToken)
    {
        try
        {
            if (parsed.HangupAfter is { } hangupAfter && calls.Count > 0)
            {
                var first = parsed.Duration is { } d && d < hangupAfter ? d : hangupAfter;
                await Task.Delay(first, cancellationToken).ConfigureAwait(false);
                foreach (var call in calls)
                {
                    await agent.HangupAsync(call.CallId).ConfigureAwait(false);
                }

                if (parsed.Duration is { } total && total > first)
                {
                    await Task.Delay(total - first, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            await Task.Delay(parsed.Duration ?? Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
