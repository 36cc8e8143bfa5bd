namespace CallCluster.Actors.Sessions;

/// <summary>What kind of call a session carries.</summary>
public enum SessionKind
{
    /// <summary>A two-party call: subscriber or trunk to subscriber or trunk (transit included).</summary>
    Plain = 0,

    /// <summary>The home video call: a mobile's two calls to its local terminal and to a remote.</summary>
    Home = 1,

    /// <summary>The home video call started over HTTP: the cluster calls mobile, local terminal and remote.</summary>
    ClickToCall = 2,
}
