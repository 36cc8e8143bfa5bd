namespace CallCluster.Actors.Sessions;

/// <summary>Why a session ended; written to its CDR with <see cref="SessionEndReasons.ToCdrText"/>.</summary>
public enum SessionEndReason
{
    NormalClearing = 0,
    CallerCancelled = 1,
    CalleeBusy = 2,
    CalleeNoAnswer = 3,
    CalleeRejected = 4,
    CalleeUnavailable = 5,
    LocalTerminalUnavailable = 6,
    LocalTerminalRejected = 7,
    RemoteBusy = 8,
    RemoteNoAnswer = 9,
    RemoteRejected = 10,
    RemoteUnavailable = 11,
    MobileCancelled = 12,
    MobileUnavailable = 13,
    MobileHungUp = 14,
    SessionTimerExpired = 15,
    MediaUnavailable = 16,
    MediaSilence = 17,
}

/// <summary>Text forms of <see cref="SessionEndReason"/>.</summary>
public static class SessionEndReasons
{
    /// <summary>Kebab-case text, for example <c>remote-busy</c>.</summary>
    public static string ToCdrText(this SessionEndReason reason)
    {
        var name = reason.ToString();
        var chars = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                chars.Append('-');
            }

            chars.Append(char.ToLowerInvariant(name[i]));
        }

        return chars.ToString();
    }
}
