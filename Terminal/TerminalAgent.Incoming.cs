using System.Globalization;
using CallCluster.Sip.Dialogs;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;
using CallCluster.Sip.Sdp;
using CallCluster.Sip.Transactions;
using CallCluster.Terminal.Media;

namespace CallCluster.Terminal;

public sealed partial class TerminalAgent
{
    /// <summary>Answers a ringing incoming call now; false when there is none with that id.</summary>
    public Task<bool> AnswerAsync(string callId) => InvokeAsync(() =>
        _calls.TryGetValue(callId, out var call) && !call.Outgoing && call.Phase == CallPhase.Ringing && Accept(call, "manual"));

    private void OnRequest(RequestReceived received)
    {
        var request = received.Request;
        var key = received.Key;
        var call = request.CallId is { } id && _calls.TryGetValue(id, out var found) ? found : null;
        switch (request.Method)
        {
            case "ACK":
                OnAck(call, request);
                return;
            case "INVITE" when request.To?.Tag is null && key is not null:
                OnNewInvite(request, key);
                return;
            case "INVITE" or "UPDATE" when key is not null:
                OnRefresh(call, request, key);
                return;
            case "BYE" when key is not null:
                _layer.SendResponse(key, SipMessageFactory.CreateResponse(request, call is null ? 481 : 200));
                if (call is not null)
                {
                    EndCall(call, "remote-bye", null);
                }

                return;
            case "OPTIONS" when key is not null:
                _layer.SendResponse(key, SipMessageFactory.CreateResponse(request, 200, null, NewToken())
                    .AddHeader("Allow", Allow).AddHeader("Accept", "application/sdp"));
                return;
            default:
                if (key is not null)
                {
                    _layer.SendResponse(key, SipMessageFactory.CreateResponse(request, 405).AddHeader("Allow", Allow));
                }

                return;
        }
    }

    private void OnNewInvite(SipRequest invite, TransactionKey key)
    {
        if (invite.CallId is not { } callId || _calls.ContainsKey(callId) || invite.From is not { } from)
        {
            _layer.SendResponse(key, SipMessageFactory.CreateResponse(invite, 400, "Bad or duplicate call"));
            return;
        }

        SessionDescription? offer = null;
        if (invite.Body.Length > 0 && (!SdpParser.TryParse(invite.Body.Span, out offer, out _) || offer is null))
        {
            _layer.SendResponse(key, SipMessageFactory.CreateResponse(invite, 488, "Unreadable SDP"));
            return;
        }

        CallMedia media;
        try
        {
            media = CallMedia.Open(_options, NextPortBase(), StreamOptions());
        }
        catch (InvalidOperationException)
        {
            _layer.SendResponse(key, SipMessageFactory.CreateResponse(invite, 503, "No media ports"));
            return;
        }

        var call = new CallLeg(callId, outgoing: false, from.Uri.ToString(), media) { Invite = invite, InviteKey = key, LocalTag = NewToken() };
        // without an offer in the INVITE (RFC 3725 style), the 200 carries our offer and the ACK the answer
        var answer = offer is null ? media.CreateOffer() : media.Answer(offer);
        call.LateOffer = offer is null;
        if (answer is null || !DialogFactory.TryCreateUas(invite, call.LocalTag, ContactUri, early: true, out var dialog, out _) || dialog is null)
        {
            _layer.SendResponse(key, SipMessageFactory.CreateResponse(invite, 488));
            _ = media.DisposeAsync().AsTask();
            return;
        }

        call.Dialog = dialog;
        call.LocalAnswer = answer;
        _calls[callId] = call;
        var asserted = invite.PAssertedIdentity.Count > 0 ? invite.PAssertedIdentity[0].Uri : null;
        // Behind a server (a registrar is set) the terminal is inside the server's trust domain
        // (RFC 3325): only the identity the server asserts counts, never a caller-chosen From.
        // Direct calls with no server fall back to From.
        var identity = asserted ?? (_options.Registrar is null ? from.Uri : null);
        var bound = identity is not null && IsBound(identity);
        var decision = _options.AutoAnswer && bound ? "auto-answer" : _options.AnswerAfterRinging ? "ring-then-answer" : "ring-then-reject";
        Emit(new IncomingCallEvent(
            _time.GetUtcNow(),
            callId,
            from.Uri.ToString(),
            asserted?.ToString(),
            bound,
            invite.GetHeaderValue("Answer-Mode"),
            invite.CallInfo.Any(i => i.Parameters.HasParameter("answer-after")),
            invite.AlertInfo.Any(i => string.Equals(i.Parameters.GetParameter("info"), "alert-autoanswer", StringComparison.OrdinalIgnoreCase)
                || i.Uri.Contains("alert-autoanswer", StringComparison.OrdinalIgnoreCase)),
            decision));
        if (decision == "auto-answer")
        {
            Accept(call, "auto");
            return;
        }

        call.Phase = CallPhase.Ringing;
        _layer.SendResponse(key, dialog.CreateResponse(invite, 180));
        var at = _time.GetUtcNow() + _options.RingTime;
        if (decision == "ring-then-answer")
        {
            call.AnswerAt = at;
        }
        else
        {
            call.RejectAt = at;
        }

        Publish();
        Emit(new CallStateEvent(_time.GetUtcNow(), callId, "ringing", 180));
    }

    /// <summary>True when <paramref name="identity"/> names one of the bound mobiles (user part or whole URI).</summary>
    private bool IsBound(SipUri identity)
    {
        var user = identity.IsTel ? identity.SchemeSpecificPart.Split(';')[0] : identity.User;
        foreach (var mobile in _options.BoundMobiles)
        {
            var entry = mobile.Trim();
            var entryUser = SipUri.TryParse(entry, out var entryUri) ? (entryUri.IsTel ? entryUri.SchemeSpecificPart.Split(';')[0] : entryUri.User) : entry;
            if (entryUser is { Length: > 0 } && user is { Length: > 0 } && string.Equals(entryUser, user, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool Accept(CallLeg call, string how)
    {
        if (call.Invite is not { } invite || call.InviteKey is not { } key || call.Dialog is not { } dialog || call.LocalAnswer is not { } answer)
        {
            return false;
        }

        var response = dialog.CreateResponse(invite, 200).AddHeader("Allow", Allow).WithBody(answer.ToBytes(), "application/sdp");
        if (invite.SessionExpires is { } se)
        {
            var refresher = se.Refresher ?? "uac";
            response = response.AddHeader("Session-Expires", se.DeltaSeconds.ToString(CultureInfo.InvariantCulture) + ";refresher=" + refresher);
            if (invite.Supported.Contains("timer"))
            {
                response = response.AddHeader("Require", "timer");
            }

            ApplySessionTimer(call, new SipSessionExpires(se.DeltaSeconds, [new SipParameter("refresher", refresher)]), weAreUac: false);
        }

        if (!_layer.SendResponse(key, response))
        {
            EndCall(call, "answer-failed", null);
            return false;
        }

        call.Dialog = dialog.Confirm();
        call.Phase = CallPhase.Established;
        call.AnswerAt = null;
        call.RejectAt = null;
        Publish();
        Emit(new CallAnsweredEvent(_time.GetUtcNow(), call.CallId, "incoming", how, call.Peer));
        Emit(new CallStateEvent(_time.GetUtcNow(), call.CallId, "established", 200));
        return true;
    }

    private void Reject(CallLeg call, int status, string reason)
    {
        if (call.Invite is { } invite && call.InviteKey is { } key && call.Dialog is { } dialog)
        {
            _layer.SendResponse(key, dialog.CreateResponse(invite, status));
        }

        EndCall(call, reason, status);
    }

    private void OnCancel(CancelReceived cancel)
    {
        _layer.SendResponse(cancel.CancelKey, SipMessageFactory.CreateResponse(cancel.Cancel, 200));
        var call = _calls.Values.FirstOrDefault(c => !c.Outgoing && c.InviteKey == cancel.InviteKey);
        if (call is not null && call.Phase != CallPhase.Established)
        {
            Reject(call, 487, "cancelled");
        }
    }

    private void OnAckTimeout(TransactionKey key)
    {
        var call = _calls.Values.FirstOrDefault(c => !c.Outgoing && c.InviteKey == key && c.Phase == CallPhase.Established);
        if (call is not null)
        {
            SendInDialogRequest(call, "BYE", null, (_, _) => { });
            EndCall(call, "no-ack", null);
        }
    }

    private void OnRefresh(CallLeg? call, SipRequest request, TransactionKey key)
    {
        if (call?.Dialog is not { } dialog || call.Phase != CallPhase.Established)
        {
            _layer.SendResponse(key, SipMessageFactory.CreateResponse(request, 481));
            return;
        }

        var accepted = dialog.Accept(request, out var updated);
        if (accepted != 0)
        {
            _layer.SendResponse(key, SipMessageFactory.CreateResponse(request, accepted));
            return;
        }

        call.Dialog = updated;
        var response = updated.CreateResponse(request, 200);
        if (request.Body.Length > 0)
        {
            if (!SdpParser.TryParse(request.Body.Span, out var offer, out _) || offer is null || call.Media.Answer(offer) is not { } answer)
            {
                _layer.SendResponse(key, updated.CreateResponse(request, 488));
                return;
            }

            call.LocalAnswer = answer;
            response = response.WithBody(answer.ToBytes(), "application/sdp");
        }
        else if (request.Method == "INVITE")
        {
            var reoffer = call.Media.CreateOffer();
            call.LateOffer = true;
            response = response.WithBody(reoffer.ToBytes(), "application/sdp");
        }

        if (request.SessionExpires is { } se)
        {
            var refresher = se.Refresher ?? "uac";
            response = response.AddHeader("Session-Expires", se.DeltaSeconds.ToString(CultureInfo.InvariantCulture) + ";refresher=" + refresher);
            ApplySessionTimer(call, new SipSessionExpires(se.DeltaSeconds, [new SipParameter("refresher", refresher)]), weAreUac: false);
        }

        _layer.SendResponse(key, response);
        Emit(new CallStateEvent(_time.GetUtcNow(), call.CallId, request.Method == "INVITE" ? "reinvited" : "updated", 200));
    }

    private void OnAck(CallLeg? call, SipRequest ack)
    {
        if (call is not { LateOffer: true, Phase: CallPhase.Established })
        {
            return;
        }

        call.LateOffer = false;
        if (!SdpParser.TryParse(ack.Body.Span, out var answer, out _) || answer is null || !call.Media.TryApplyAnswer(answer))
        {
            SendInDialogRequest(call, "BYE", null, (_, _) => { });
            EndCall(call, "bad-answer-in-ack", null);
            return;
        }

        Emit(new CallStateEvent(_time.GetUtcNow(), call.CallId, "media-answered", null));
    }
}
