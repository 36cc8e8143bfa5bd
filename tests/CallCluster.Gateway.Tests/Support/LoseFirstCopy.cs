using Akka.Actor;

namespace CallCluster.Gateway.Tests.Support;

/// <summary>
/// Stands for the sessions' region: forwards everything to it except the first copy of each
/// command <paramref name="lost"/> picks, which is dropped as if lost with a dying node.
/// </summary>
public sealed class LoseFirstCopy : ReceiveActor
{
    private readonly HashSet<object> _seen = [];

    public LoseFirstCopy(IActorRef region, Func<object, bool> lost)
    {
        ReceiveAny(message =>
        {
            if (lost(message) && _seen.Add(message))
            {
                return;
            }

            region.Forward(message);
        });
    }
}
