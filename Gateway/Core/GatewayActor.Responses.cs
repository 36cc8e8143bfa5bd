using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Wire;
using CallCluster.Sip.Dialogs;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;

namespace CallCluster.Gateway.Core;

public sealed partial class GatewayActor
{
    /// <summary>Responses to requests this node sent (or 2xx retransmissions that matched no transaction).</summary>
    private void OnClientResponse(TransactionKey? key, SipResponse response)
    {
        if (key is not null && _forks.TryGetValue(key, out var fork))
        {
            if (response.IsFinal)
            {
                _forks.Remove(key);
            }

            OnForkResponse(fork, response);
            return;
        }

        var isInvite = response.CSeq?.Method == SipMethods.Invite;
        if (key is not null && _reInvites.Remove(key, out var dialog))
        {
            if (response.IsSuccess && isInvite)
            {
                SendAck(dialog.ConfirmWith(response), response);
            }

            return;
        }

        if (key is null && RelayToOtherGateways(response))
        {
            // Another gateway node holds the transaction (or, for a 2xx retransmission, acknowledges it).
            return;
        }

        if (key is null && response.IsSuccess && isInvite
            && ClusterAddress.TryReadBranch(response.TopVia?.Branch, out var session, out var leg)
            && TryDialogOf(response, _address.ContactFor(session!, leg!), out var uac))
        {
            // A 2xx retransmission (or a 2xx for an INVITE another node sent): acknowledge it again.
            SendAck(uac!, response);
        }
    }

    private void OnForkResponse(OutboundFork fork, SipResponse response)
    {
        var leg = fork.Leg;
        var status = response.StatusCode;
        var sdp = response.Body.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(response.Body.Span);
        if (status < 200)
        {
            if (status > 100 && leg.Winner is null && !leg.Cancelled && (leg.LastProvisional == 0 || (status == 183 && sdp is not null && leg.LastProvisional != 183)))
            {
                leg.LastProvisional = status;
                Report(new SessionCommands.ProvisionalReceived(leg.Session, leg.Leg, status, sdp));
            }

            return;
        }

        fork.FinalStatus = status;
        if (leg.Forks.All(f => f.FinalStatus is not null))
        {
            _outbound.Remove((leg.Session, leg.Leg));
        }

        if (response.IsSuccess)
        {
            if (!DialogFactory.TryCreateUac(fork.Invite, response, out var dialog, out _) || dialog is null)
            {
                if (!TryDialogOf(response, _address.ContactFor(leg.Session, leg.Leg), out dialog))
                {
                    return;
                }
            }

            dialog = dialog!.Confirm();
            SendAck(dialog, response);
            if (leg.Winner is null && !leg.Reported)
            {
                leg.Winner = fork;
                leg.Reported = true;
                CancelPending(leg, except: fork);
                Report(new SessionCommands.AnswerReceived(leg.Session, leg.Leg, dialog, sdp));
            }
            else
            {
                // A second fork answered too late (or after CANCEL won the race): hang it up.
                SendInDialog(leg.Session, leg.Leg, dialog, SipMethods.Bye, null, null);
            }

            return;
        }

        if (leg.Winner is null && !leg.Reported && leg.Forks.All(f => f.FinalStatus is not null))
        {
            leg.Reported = true;
            var statuses = leg.Forks.Select(f => f.FinalStatus!.Value).ToList();
            var best = statuses.FirstOrDefault(s => s >= 600) is var six and > 0 ? six : statuses.Min();
            Report(new SessionCommands.FailureReceived(leg.Session, leg.Leg, best, response.ReasonPhrase));
        }
    }

    /// <summary>The ACK for a 2xx, in the dialog, with the INVITE's CSeq number.</summary>
    private void SendAck(DialogState dialog, SipResponse response)
    {
        if (!ClusterAddress.TryReadBranch(response.TopVia?.Branch, out var session, out var leg)
            || !TryNextHop(DialogTarget.For(dialog), out var peer)
            || !dialog.TryCreateAck(response.CSeq?.Number ?? 1, NewVia(session!, leg!, peer!), out var ack, out _))
        {
            return;
        }

        Transmit(ack!, peer!);
    }

    /// <summary>The UAC dialog a 2xx establishes, from the response alone (any node can rebuild it).</summary>
    private static bool TryDialogOf(SipResponse response, string localContact, out DialogState? dialog)
    {
        dialog = null;
        if (response.From is not { Tag: { } fromTag } from || response.To is not { } to || response.CallId is not { } callId
            || response.Contact is not [{ Uri: { } target }])
        {
            return false;
        }

        dialog = new DialogState
        {
            CallId = callId,
            LocalTag = fromTag,
            RemoteTag = to.Tag ?? string.Empty,
            LocalUri = from.Uri.ToString(),
            RemoteUri = to.Uri.ToString(),
            RemoteTarget = target.ToString(),
            LocalContact = localContact,
            RouteSet = response.RecordRoute.Select(r => r.Uri.ToString()).Reverse().ToArray(),
            LocalCSeq = response.CSeq?.Number ?? 1,
            IsUac = true,
        };
        return true;
    }
}
