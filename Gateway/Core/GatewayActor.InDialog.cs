using System.Globalization;
using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Wire;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;

namespace CallCluster.Gateway.Core;

public sealed partial class GatewayActor
{
    private readonly Dictionary<string, PendingOk> _pendingOks = new(StringComparer.Ordinal);

    /// <summary>
    /// In-dialog requests carry the session and leg in their Request-URI (our Contact), so any node
    /// routes them: BYE, re-INVITE and UPDATE go to the session; refreshes without SDP are
    /// reported as <see cref="SessionCommands.SessionTimerRefreshed"/> and answered 200.
    /// </summary>
    private void OnInDialog(TransactionKey key, SipRequest request, TransactionPeer peer)
    {
        if (!ClusterAddress.TryReadInDialog(request, out var session, out var leg))
        {
            Respond(key, request, 481, "Call/Transaction Does Not Exist");
            return;
        }

        var sdp = request.Body.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(request.Body.Span);
        var cseq = request.CSeq?.Number ?? 0;
        switch (request.Method)
        {
            case SipMethods.Bye:
                DropPendingOks(request.CallId);
                if (_mobileLegs.Remove((session!, leg!), out var mobile))
                {
                    _ports.MobileCalls.Tell(new Actors.Calls.MobileCallsCommands.CallEnded(mobile, session!.Value, leg!.Value), Self);
                }

                AskSession(key, request, new SessionCommands.ByeReceived(session!, leg!), peer);
                break;
            case SipMethods.Invite:
                AskSession(key, request, new SessionCommands.ReInviteReceived(session!, leg!, sdp, cseq), peer);
                break;
            case SipMethods.Update when sdp is null:
                AskSession(key, request, new SessionCommands.SessionTimerRefreshed(session!, leg!), peer);
                break;
            case SipMethods.Update:
                AskSession(key, request, new SessionCommands.ReInviteReceived(session!, leg!, sdp, cseq, IsUpdate: true), peer);
                break;
            case SipMethods.Info:
                Respond(key, request, 200, "OK");
                break;
            default:
                Respond(key, request, 405, "Method Not Allowed", r => r.AddHeader("Allow", AllowValue));
                break;
        }
    }

    private void AskSession(TransactionKey key, SipRequest request, ISessionCommand command, TransactionPeer peer) =>
        AskSessionResending(command, reply =>
        {
            switch (reply)
            {
                case SessionReplies.InDialogAnswer { Status: >= 200 and < 300 } a:
                    var ok = WithSessionTimer(SuccessResponse(request, a.Sdp, ClusterAddress.TryReadInDialog(request, out var s, out var l) ? _address.ContactFor(s!, l!) : null), request);
                    SendSuccess(key, request, ok, peer);
                    break;
                case SessionReplies.InDialogAnswer a:
                    Respond(key, request, a.Status, "Not Acceptable Here");
                    break;
                case SessionReplies.Accepted:
                    var accepted = SipMessageFactory.CreateResponse(request, 200, "OK");
                    _tx.SendResponse(key, request.Method == SipMethods.Update ? WithSessionTimer(accepted, request) : accepted);
                    break;
                case SessionReplies.Rejected r:
                    Respond(key, request, r.Status, r.Reason);
                    break;
                case SessionReplies.Unavailable u:
                    Respond(key, request, u.Status, u.Reason, x => x.AddHeader("Retry-After", u.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)));
                    break;
                default:
                    Respond(key, request, 503, "Service Unavailable", RetryAfter);
                    break;
            }
        });

    /// <summary>200 with our Contact, Allow, Supported and the SDP.</summary>
    private SipResponse SuccessResponse(SipRequest request, string? sdp, string? contact, string? toTag = null)
    {
        var response = SipMessageFactory.CreateResponse(request, 200, "OK", toTag)
            .AddHeader("Allow", AllowValue)
            .AddHeader("Supported", "timer")
            .AddHeader("Server", _settings.Product);
        if (contact is not null)
        {
            response = response.AddHeader("Contact", $"<{contact}>");
        }

        return sdp is null ? response : response.WithBody(System.Text.Encoding.UTF8.GetBytes(sdp), "application/sdp");
    }

    /// <summary>
    /// RFC 4028 in a 2xx: Session-Expires (the request's interval, not above ours, and never below
    /// Min-SE), refresher=uac, and Require: timer when the peer supports it.
    /// </summary>
    private SipResponse WithSessionTimer(SipResponse response, SipRequest request)
    {
        var interval = (long)_settings.SessionExpiresSeconds;
        if (request.SessionExpires is { } asked)
        {
            interval = Math.Clamp(asked.DeltaSeconds, _settings.MinSessionExpiresSeconds, interval);
        }

        var supportsTimer = request.Supported.Contains("timer", StringComparer.OrdinalIgnoreCase);
        response = response.AddHeader("Session-Expires", interval.ToString(CultureInfo.InvariantCulture) + (supportsTimer ? ";refresher=uac" : ";refresher=uas"));
        return supportsTimer ? response.AddHeader("Require", "timer") : response;
    }

    /// <summary>Sends a 2xx to an INVITE and keeps retransmitting it (unreliable transports) until its ACK.</summary>
    private void SendSuccess(TransactionKey key, SipRequest request, SipResponse ok, TransactionPeer peer)
    {
        _tx.SendResponse(key, ok);
        if (request.Method != SipMethods.Invite || peer.Reliable)
        {
            return;
        }

        var pendingKey = OkKey(request.CallId, request.CSeq?.Number ?? 0);
        _pendingOks[pendingKey] = new PendingOk(ok, peer, _settings.T1, _time.GetUtcNow() + (_settings.T1 * 64));
        Timers.StartSingleTimer("ok:" + pendingKey, new RetransmitOk(pendingKey), _settings.T1);
    }

    private void OnRetransmitOk(RetransmitOk r)
    {
        if (!_pendingOks.TryGetValue(r.Key, out var pending))
        {
            return;
        }

        if (_time.GetUtcNow() >= pending.GiveUpAt)
        {
            _pendingOks.Remove(r.Key);
            return;
        }

        Transmit(pending.Response, pending.Peer);
        pending.Interval = pending.Interval * 2 > _settings.T2 ? _settings.T2 : pending.Interval * 2;
        Timers.StartSingleTimer("ok:" + r.Key, r, pending.Interval);
    }

    private static string OkKey(string? callId, long cseq) => (callId ?? string.Empty) + " " + cseq.ToString(CultureInfo.InvariantCulture);

    private void DropPendingOks(string? callId)
    {
        foreach (var k in _pendingOks.Keys.Where(k => k.StartsWith((callId ?? string.Empty) + " ", StringComparison.Ordinal)).ToList())
        {
            _pendingOks.Remove(k);
            Timers.Cancel("ok:" + k);
        }
    }

    /// <summary>ACK for one of our 2xx: stop retransmitting, tell the session.</summary>
    private void OnAck(SipRequest ack)
    {
        var k = OkKey(ack.CallId, ack.CSeq?.Number ?? 0);
        if (_pendingOks.Remove(k))
        {
            Timers.Cancel("ok:" + k);
        }

        if (ClusterAddress.TryReadInDialog(ack, out var session, out var leg))
        {
            _ports.Sessions.Tell(new SessionCommands.AckReceived(session!, leg!), Self);
        }
    }
}
