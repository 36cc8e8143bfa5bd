using CallCluster.Actors.Sessions;
using CallCluster.Sip.Message;
using static CallCluster.Actors.Sessions.SessionEffects;

namespace CallCluster.Gateway.Core;

public sealed partial class GatewayActor
{
    /// <summary>The session's SIP effects: answers on inbound legs here, requests on outbound legs in the Outbound part.</summary>
    private void OnEffect(ISipEffect effect)
    {
        switch (effect)
        {
            case SendProvisional p:
                OnSendProvisional(p);
                break;
            case AnswerInvite a:
                OnAnswerInvite(a);
                break;
            case RejectInvite r:
                FinishInbound(r.SessionId, r.LegId, r.Status, r.Reason);
                break;
            case SendInvite i:
                OnSendInvite(i);
                break;
            case SendCancel c:
                OnSendCancel(c);
                break;
            case SendBye b:
                OnSendBye(b);
                break;
            case SendReInvite r:
                OnSendReInvite(r);
                break;
        }
    }

    private void OnSendProvisional(SendProvisional p)
    {
        if (!_inbound.TryGetValue((p.SessionId, p.LegId), out var leg))
        {
            return;
        }

        var response = SipMessageFactory.CreateResponse(leg.Invite, p.Status, p.Status == 183 ? "Session Progress" : "Ringing", leg.LocalTag)
            .AddHeader("Contact", $"<{leg.Contact}>");
        if (p.Sdp is not null)
        {
            response = response.WithBody(System.Text.Encoding.UTF8.GetBytes(p.Sdp), "application/sdp");
        }

        _tx.SendResponse(leg.Key, response);
    }

    private void OnAnswerInvite(AnswerInvite a)
    {
        if (!_inbound.Remove((a.SessionId, a.LegId), out var leg))
        {
            return;
        }

        Timers.Cancel("in:" + a.LegId.Value);

        if (leg.Mobile is not null)
        {
            _mobileLegs[(a.SessionId, a.LegId)] = leg.Mobile;
        }

        var ok = WithSessionTimer(SuccessResponse(leg.Invite, a.Sdp, leg.Contact, leg.LocalTag), leg.Invite);
        SendSuccess(leg.Key, leg.Invite, ok, leg.Peer);
    }
}
