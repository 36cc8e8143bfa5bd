namespace CallCluster.Actors.Sessions.Media;

/// <summary>Translates between the session's media effects/commands and the media role's protocol.</summary>
public interface ISessionMediaAdapter
{
    /// <summary>The message to send to the media manager for <paramref name="effect"/>; null to send nothing.</summary>
    object? ToMedia(IMediaEffect effect, SessionState state);

    /// <summary>The session command a media role message means; null when it needs no decision.</summary>
    ISessionCommand? FromMedia(object message, SessionState state, string mediaNode);
}
