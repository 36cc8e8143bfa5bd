using Akka.Cluster.Sharding;
using static CallCluster.Actors.Registration.RegistrationCommands;

namespace CallCluster.Actors.Registration;

/// <summary>Routes <see cref="IRegistrationCommand"/>s by AOR; an entity starts on the first command for its AOR (registrations are not remembered).</summary>
public sealed class RegistrationMessageExtractor(int shardCount) : HashCodeMessageExtractor(shardCount)
{
    public override string? EntityId(object message) => message switch
    {
        IRegistrationCommand c when !string.IsNullOrEmpty(c.Aor) => c.Aor,
        _ => null,
    };
}
