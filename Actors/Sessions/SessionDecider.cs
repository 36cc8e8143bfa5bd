using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.Actors.Sessions;

/// <summary>
/// The pure decision function behind <see cref="SessionState.Decide"/>: a handler per command,
/// then <see cref="SessionProgress"/> moves the session on (INVITEs due, answers due, media
/// topology, phase, end).
/// </summary>
internal static partial class SessionDecider
{
    public static Decision Decide(SessionState state, ISessionCommand command, DateTimeOffset now)
    {
        var b = new DecisionBuilder(state, now);
        if (command.SessionId != state.Id)
        {
            return b.Build(b.Reject(400, "command for another session"));
        }

        if (!state.Exists && command is not (InboundInvite or StartClickToCall or MediaEndpointReady))
        {
            return b.Build(b.Reject(481, "no such session"));
        }

        var reply = command switch
        {
            InboundInvite c => OnInboundInvite(b, c),
            StartClickToCall c => OnStartClickToCall(b, c),
            ProvisionalReceived c => OnProvisional(b, c),
            AnswerReceived c => OnAnswer(b, c),
            FailureReceived c => OnFailure(b, c),
            ByeReceived c => OnBye(b, c),
            CancelReceived c => OnCancel(b, c),
            ReInviteReceived c => OnReInvite(b, c),
            AckReceived c => OnInDialogNotice(b, c.LegId),
            SessionTimerRefreshed c => OnInDialogNotice(b, c.LegId),
            SessionTimerExpired c => OnTimerExpired(b, c),
            MediaEndpointReady c => OnEndpointReady(b, c),
            MediaAllocationFailed c => OnAllocationFailed(b, c),
            MediaEndpointDead c => OnEndpointDead(b, c),
            MediaNodeLost c => OnMediaNodeLost(b, c),
            ResumeMedia => OnResumeMedia(b),
            RetryMedia => OnRetryMedia(b),
            ConfirmCdr => OnConfirmCdr(b),
            _ => b.Reject(400, $"{command.GetType().Name} is not a session command"),
        };

        SessionProgress.Advance(b);
        return b.Build(reply);
    }

    private static ISessionReply OnInDialogNotice(DecisionBuilder b, LegId legId) =>
        b.State.Leg(legId) is null ? b.Reject(481, "no such leg") : b.Accept();

    private static ISessionReply OnConfirmCdr(DecisionBuilder b)
    {
        switch (b.State.Phase)
        {
            case SessionPhase.Ending:
                b.Emit(new SessionEvents.CdrConfirmed(b.Id, b.Now));
                return b.Accept();
            case SessionPhase.Ended:
                return b.Accept();
            default:
                return b.Reject(409, "session has not ended");
        }
    }

    /// <summary>Participant of a leg in the mix: the mobile's two calls are one participant.</summary>
    internal static string ParticipantOf(LegState leg) => leg.Role == LegRole.Mobile ? "mobile" : leg.Id.Value;
}
