using Akka.Actor;
using Akka.Hosting;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Hosting;

namespace CallCluster.Host.Http;

/// <summary>Sends directory commands to this node's directory actor and waits a bounded time for the reply.</summary>
public sealed class DirectoryClient(IRequiredActor<DirectoryActor> directory)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<DirectoryReplies.IDirectoryReply> AskAsync(DirectoryCommands.IDirectoryCommand command, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        try
        {
            var actor = await directory.GetAsync(timeout.Token);
            var reply = await actor.Ask<object>(command, Timeout, timeout.Token);
            return reply as DirectoryReplies.IDirectoryReply
                ?? new DirectoryReplies.Unavailable($"directory answered with {reply.GetType().Name}");
        }
        catch (Exception e) when (e is AskTimeoutException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            return new DirectoryReplies.Unavailable($"directory did not answer within {Timeout.TotalSeconds:0} s");
        }
    }
}
