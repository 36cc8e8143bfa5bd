using System.Globalization;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Dialogs;
using CallCluster.Sip.Message;
using CallCluster.Sip.Sdp;
using CallCluster.Terminal.Media;

namespace CallCluster.Terminal;

public sealed partial class TerminalAgent
{
    private const string Allow = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE";

    /// <summary>
    /// Places a call to <paramref name="target"/> (a SIP URI, or a user of the domain sent via
    /// the registrar) with audio and, when configured, video. Several calls may be alive at once.
    /// <paramref name="extraHeaders"/> are added to the INVITE (e.g. a correlation header).
    /// Throws <see cref="ArgumentException"/> when the target is not usable.
    /// </summary>
    public Task<TerminalCall> PlaceCallAsync(string target, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return InvokeAsync(() => StartCall(target, extraHeaders));
    }

    /// <summary>Ends a call: BYE when established, CANCEL while calling, a rejection while ringing here. False for an unknown call.</summary>
    public Task<bool> HangupAsync(string callId) => InvokeAsync(() => _calls.TryGetValue(callId, out var call) && Hangup(call));

    private TerminalCall StartCall(string target, IReadOnlyDictionary<string, string>? extraHeaders)
    {
        var text = target.Contains(':', StringComparison.Ordinal) && (target.StartsWith("sip", StringComparison.OrdinalIgnoreCase) || target.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            ? target
            : $"sip:{target}@{Domain}";
        if (!SipUri.TryParse(text, out var uri))
        {
            throw new ArgumentException($"not a SIP URI: {target}", nameof(target));
        }

        var hop = _options.Registrar ?? NextHop(uri.ToString(), []);
        if (hop is null)
        {
            throw new ArgumentException($"no route to {target}: give an IP address or a registrar", nameof(target));
        }

        var media = CallMedia.Open(_options, NextPortBase(), StreamOptions());
        var callId = NewToken() + "@" + _local.Address;
        var call = new CallLeg(callId, outgoing: true, uri.ToString(), media) { LocalTag = NewToken() };
        var builder = new SipRequestBuilder("INVITE", uri)
            .Via(NewVia())
            .MaxForwards(70)
            .From(NameAddress.Parse("<" + Aor + ">").WithTag(call.LocalTag))
            .To(new NameAddress(uri))
            .CallId(callId)
            .CSeq(1)
            .Contact(NameAddress.Parse("<" + ContactUri + ">"))
            .Header("Allow", Allow)
            .Header("Supported", "timer");
        if (_options.SessionExpires > 0)
        {
            builder.Header("Session-Expires", _options.SessionExpires.ToString(CultureInfo.InvariantCulture) + ";refresher=uac");
        }

        foreach (var (name, value) in extraHeaders ?? new Dictionary<string, string>())
        {
            builder.Header(name, value);
        }

        builder.Body(media.CreateOffer().ToBytes(), "application/sdp");
        try
        {
            call.Invite = builder.Build();
        }
        catch (ArgumentException e)
        {
            _ = media.DisposeAsync().AsTask();
            throw new ArgumentException($"cannot build an INVITE to {target}: {e.Message}", nameof(extraHeaders), e);
        }

        _calls[callId] = call;
        if (!SendRequest(call.Invite, hop, (response, local) => OnInviteResponse(call, response, local)))
        {
            EndCall(call, "send-failed", null);
            throw new ArgumentException($"cannot send INVITE to {target}", nameof(target));
        }

        Publish();
        Emit(new CallStateEvent(_time.GetUtcNow(), callId, "calling", null));
        return new TerminalCall(callId, uri.ToString());
    }

    private void OnInviteResponse(CallLeg call, SipResponse response, bool local)
    {
        if (call.Phase == CallPhase.Ended)
        {
            return;
        }

        if (response.IsProvisional)
        {
            if (response.StatusCode > 100 && response.Body.Length > 0 && SdpParser.TryParse(response.Body.Span, out var early, out _) && early is not null)
            {
                call.Media.TryApplyAnswer(early);
            }

            if (response.StatusCode > 100 && call.Phase == CallPhase.Calling)
            {
                call.Phase = CallPhase.Ringing;
                Publish();
                Emit(new CallStateEvent(_time.GetUtcNow(), call.CallId, response.StatusCode == 183 ? "early" : "ringing", response.StatusCode));
            }

            return;
        }

        if (response.IsSuccess)
        {
            OnInviteAccepted(call, response);
            return;
        }

        if (response.StatusCode is 401 or 407 && call.AuthAttempts < 2 && _digest is not null && call.Invite is { } invite)
        {
            var challenges = response.GetHeaderValues(response.StatusCode == 401 ? "WWW-Authenticate" : "Proxy-Authenticate");
            if (_digest.TryAnswer(challenges, "INVITE", invite.RequestUriText, out var authorization) && authorization is not null)
            {
                call.AuthAttempts++;
                var cseq = (invite.CSeq?.Number ?? 1) + 1;
                call.Invite = invite.WithTopVia(NewVia())
                    .WithHeader("CSeq", cseq.ToString(CultureInfo.InvariantCulture) + " INVITE")
                    .WithHeader(response.StatusCode == 401 ? "Authorization" : "Proxy-Authorization", authorization.ToHeaderValue());
                if (SendRequest(call.Invite, _options.Registrar ?? NextHop(invite.RequestUriText, []), (r, l) => OnInviteResponse(call, r, l)))
                {
                    return;
                }
            }
        }

        if (response.StatusCode == 422 && response.MinSE is { } minSe && minSe is > 0 and <= 86_400 && call.AuthAttempts < 3 && call.Invite is { } tooShort)
        {
            // Session Interval Too Small (RFC 4028 section 6): retry once with the peer's Min-SE
            call.AuthAttempts++;
            var cseq = (tooShort.CSeq?.Number ?? 1) + 1;
            var seconds = minSe.ToString(CultureInfo.InvariantCulture);
            call.Invite = tooShort.WithTopVia(NewVia())
                .WithHeader("CSeq", cseq.ToString(CultureInfo.InvariantCulture) + " INVITE")
                .WithHeader("Session-Expires", seconds + ";refresher=uac")
                .WithHeader("Min-SE", seconds);
            if (SendRequest(call.Invite, _options.Registrar ?? NextHop(tooShort.RequestUriText, []), (r, l) => OnInviteResponse(call, r, l)))
            {
                return;
            }
        }

        var reason = response.StatusCode switch
        {
            487 when call.CancelRequested => "cancelled",
            486 or 600 => "busy",
            480 => "unavailable",
            408 when local => "timeout",
            503 when local => "transport-error",
            _ => "rejected",
        };
        EndCall(call, reason, response.StatusCode);
    }

    private void OnInviteAccepted(CallLeg call, SipResponse response)
    {
        if (call.Dialog is { } existing)
        {
            var dialogToAck = existing;
            var forked = false;
            if (response.To?.Tag is { } tag && tag != existing.RemoteTag && call.Invite is not null
                && DialogFactory.TryCreateUac(call.Invite, response, out var other, out _) && other is not null)
            {
                dialogToAck = other;
                forked = true;
            }

            if (dialogToAck.TryCreateAck(call.Invite?.CSeq?.Number ?? 1, NewVia(), out var again, out _) && again is not null)
            {
                SendInDialog(dialogToAck, again);
            }

            // a second fork answered: keep the first dialog, end this one (RFC 3261 13.2.2.4)
            if (forked && dialogToAck.TryCreate("BYE", NewVia(), out var bye, out _) && bye is not null)
            {
                var target = DialogTarget.For(bye.Dialog);
                SendRequest(bye.Request, NextHop(target.RequestUri, target.Route), (_, _) => { });
            }

            return;
        }

        if (call.Invite is null || !DialogFactory.TryCreateUac(call.Invite, response, out var dialog, out _) || dialog is null)
        {
            EndCall(call, "bad-answer", response.StatusCode);
            return;
        }

        call.Dialog = dialog;
        if (dialog.TryCreateAck(call.Invite.CSeq?.Number ?? 1, NewVia(), out var ack, out _) && ack is not null)
        {
            SendInDialog(dialog, ack);
        }

        if (call.CancelRequested)
        {
            Hangup(call);
            return;
        }

        if (!SdpParser.TryParse(response.Body.Span, out var answer, out _) || answer is null || !call.Media.TryApplyAnswer(answer))
        {
            Hangup(call);
            return;
        }

        call.Phase = CallPhase.Established;
        ApplySessionTimer(call, response.SessionExpires, weAreUac: true);
        Publish();
        Emit(new CallAnsweredEvent(_time.GetUtcNow(), call.CallId, "outgoing", "remote", call.Peer));
        Emit(new CallStateEvent(_time.GetUtcNow(), call.CallId, "established", response.StatusCode));
    }

    private void OnStrayResponse(SipResponse response)
    {
        if (response.IsSuccess && response.CSeq?.Method == "INVITE" && response.CallId is { } id && _calls.TryGetValue(id, out var call) && call.Outgoing)
        {
            OnInviteAccepted(call, response);
        }
    }

    private void SendInDialog(DialogState dialog, SipRequest request)
    {
        var target = DialogTarget.For(dialog);
        if (NextHop(target.RequestUri, target.Route) is { } hop)
        {
            SendDirect(request, hop);
        }
    }

    private bool SendInDialogRequest(CallLeg call, string method, Func<SipRequest, SipRequest>? edit, Action<SipResponse, bool> onResponse)
    {
        if (call.Dialog is null || !call.Dialog.TryCreate(method, NewVia(), out var created, out _) || created is null)
        {
            return false;
        }

        call.Dialog = created.Dialog;
        var request = edit is null ? created.Request : edit(created.Request);
        var target = DialogTarget.For(created.Dialog);
        return SendRequest(request, NextHop(target.RequestUri, target.Route), onResponse);
    }

    private bool Hangup(CallLeg call)
    {
        switch (call.Phase)
        {
            case CallPhase.Established:
                SendInDialogRequest(call, "BYE", null, (_, _) => { });
                EndCall(call, "local-bye", null);
                return true;
            case CallPhase.Calling or CallPhase.Ringing when call.Outgoing && call.Invite is not null:
                call.CancelRequested = true;
                SendRequest(SipMessageFactory.CreateCancel(call.Invite), _options.Registrar ?? NextHop(call.Invite.RequestUriText, []), (_, _) => { });
                return true;
            case CallPhase.Calling or CallPhase.Ringing when !call.Outgoing:
                Reject(call, 486, "declined");
                return true;
            default:
                return false;
        }
    }

    private void HangupAll()
    {
        foreach (var call in _calls.Values.ToArray())
        {
            Hangup(call);
        }
    }

    private void EndCall(CallLeg call, string reason, int? status)
    {
        if (call.Phase == CallPhase.Ended)
        {
            return;
        }

        call.Phase = CallPhase.Ended;
        _calls.Remove(call.CallId);
        Publish();
        Emit(new MediaStatsEvent(_time.GetUtcNow(), call.CallId, call.Media.GetStats()));
        Emit(new CallEndedEvent(_time.GetUtcNow(), call.CallId, reason, status));
        _ = call.Media.DisposeAsync().AsTask();
    }
}
