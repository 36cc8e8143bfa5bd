using CallCluster.Sip.Dialogs;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;
using CallCluster.Terminal.Media;

namespace CallCluster.Terminal;

/// <summary>Call states.</summary>
internal enum CallPhase
{
    Calling,
    Ringing,
    Established,
    Ending,
    Ended,
}

/// <summary>One call's state, owned by the agent's loop.</summary>
internal sealed class CallLeg(string callId, bool outgoing, string peer, CallMedia media)
{
    public string CallId { get; } = callId;
    public bool Outgoing { get; } = outgoing;
    public string Peer { get; } = peer;
    public CallMedia Media { get; } = media;
    public CallPhase Phase { get; set; } = CallPhase.Calling;
    public DialogState? Dialog { get; set; }
    public SipRequest? Invite { get; set; }
    public TransactionKey? InviteKey { get; set; }
    public bool CancelRequested { get; set; }
    public int AuthAttempts { get; set; }
    public string LocalTag { get; set; } = "";
    public DateTimeOffset? AnswerAt { get; set; }
    public DateTimeOffset? RejectAt { get; set; }
    public string AnswerHow { get; set; } = "manual";
    public CallCluster.Sip.Sdp.SessionDescription? LocalAnswer { get; set; }
    public bool LateOffer { get; set; }
    public int? SessionExpires { get; set; }
    public bool Refresher { get; set; }
    public DateTimeOffset? RefreshAt { get; set; }
    public DateTimeOffset? ExpireAt { get; set; }
    public string Direction => Outgoing ? "outgoing" : "incoming";

    public string State => Phase switch
    {
        CallPhase.Calling => "calling",
        CallPhase.Ringing => "ringing",
        CallPhase.Established => "established",
        CallPhase.Ending => "ending",
        _ => "ended",
    };
}
