using Akka.Actor;

namespace CallCluster.Gateway.Tests.Support;

/// <summary>
/// Stands for the sessions' region: forwards everything to it except the first copy of each
/// command <paramref name="lost"/> picks, which is dropped as if lost with a dying node. Copies are
/// told apart by <paramref name="key"/> (the command itself by default). Every picked copy, dropped
/// or not, is published on the event stream as <see cref="Seen"/>.
/// </summary>
public sealed class LoseFirstCopy : ReceiveActor
{
    private readonly HashSet<object> _seen = [];

    public LoseFirstCopy(IActorRef region, Func<object, bool> lost, Func<object, object>? key = null)
    {
        ReceiveAny(message =>
        {
            if (lost(message))
            {
                Context.System.EventStream.Publish(new Seen(message));
                if (_seen.Add(key?.Invoke(message) ?? message))
                {
                    return;
                }
            }

            region.Forward(message);
        });
    }

    /// <summary>A copy of a picked command on its way to the sessions.</summary>
    public sealed record Seen(object Command);
}
