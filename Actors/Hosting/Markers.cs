namespace CallCluster.Actors.Hosting;

/// <summary>ActorRegistry key of the session shard region (or proxy on nodes without the session role).</summary>
public sealed class SessionRegion;

/// <summary>ActorRegistry key of the registration shard region (or proxy).</summary>
public sealed class RegistrationRegion;

/// <summary>ActorRegistry key of this node's directory replica: answers snapshots locally, forwards provisioning.</summary>
public sealed class DirectoryActor;

/// <summary>ActorRegistry key of this node's CDR writer.</summary>
public sealed class CdrWriter;

/// <summary>ActorRegistry key of the media manager on media nodes.</summary>
public sealed class MediaManager;

/// <summary>ActorRegistry key of the mobile-calls index region (hosted on <c>gateway</c> nodes, not remembered).</summary>
public sealed class MobileCallsRegion;
