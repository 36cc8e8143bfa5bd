using Akka.Actor;
using Akka.Hosting;
using CallCluster.Actors.Registration;

namespace CallCluster.Actors.Hosting;

/// <summary>Pieces a node adds from projects the Actors project cannot reference (Media) and tunables.</summary>
public sealed record CallClusterParts
{
    /// <summary>Props of the media manager (team Media's actor); started on nodes with the <c>media</c> role.</summary>
    public Func<ActorSystem, IActorRegistry, Props>? MediaManager { get; init; }

    /// <summary>Registrar limits for the registration entities.</summary>
    public RegistrationPolicy Registration { get; init; } = RegistrationPolicy.Default;
}
