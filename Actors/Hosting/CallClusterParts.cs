using Akka.Actor;
using Akka.Hosting;
using CallCluster.Actors.Registration;

namespace CallCluster.Actors.Hosting;

/// <summary>Pieces a node adds from projects the Actors project cannot reference (Gateway, Media) and tunables.</summary>
public sealed record CallClusterParts
{
    /// <summary>Props of the media manager (the Media project's actor); started as <c>/user/media-manager</c> on <c>media</c> nodes.</summary>
    public Func<ActorSystem, IActorRegistry, Props>? MediaManager { get; init; }

    /// <summary>
    /// Where session entities send SIP effects. Default: a cluster group router over
    /// <c>/user/sip-outbox</c> (the gateway's outbox) on <c>gateway</c> nodes, this node included.
    /// </summary>
    public Func<ActorSystem, IActorRegistry, IActorRef>? GatewayOutbox { get; init; }

    /// <summary>
    /// Where session entities send media commands. Default: a cluster group router over
    /// <c>/user/media-manager</c> on <c>media</c> nodes, this node included.
    /// </summary>
    public Func<ActorSystem, IActorRegistry, IActorRef>? SessionMedia { get; init; }

    /// <summary>Registrar limits for the registration entities.</summary>
    public RegistrationPolicy Registration { get; init; } = RegistrationPolicy.Default;

    /// <summary>Session entity tuning; null: the session defaults.</summary>
    public CallCluster.Actors.Sessions.SessionSettings? Sessions { get; init; }
}
