using CallCluster.Actors.Sessions;
using CallCluster.Actors.Sessions.Media;

namespace CallCluster.Actors.Hosting;

/// <summary>
/// Wraps the session's media adapter so that a media manager on the session's own node is named
/// by this node's cluster address, not by the local-scope address ("akka://callcluster") its
/// replies carry. A session that moves elsewhere after this node died can then match its legs
/// against the lost node (<see cref="SessionCommands.MediaNodeLost"/>) and re-anchor them.
/// </summary>
public sealed class NodeAddressMediaAdapter(ISessionMediaAdapter inner, string nodeAddress) : ISessionMediaAdapter
{
    public object? ToMedia(IMediaEffect effect, SessionState state) => inner.ToMedia(effect, state);

    public ISessionCommand? FromMedia(object message, SessionState state, string mediaNode) =>
        inner.FromMedia(message, state, IsLocalScope(mediaNode) ? nodeAddress : mediaNode);

    /// <summary>An address without host and port ("akka://system"), as local actor paths carry.</summary>
    public static bool IsLocalScope(string address) =>
        address.StartsWith("akka://", StringComparison.Ordinal) && !address.Contains('@', StringComparison.Ordinal);
}
