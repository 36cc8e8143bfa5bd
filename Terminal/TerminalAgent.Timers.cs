using System.Globalization;
using CallCluster.Sip.Dialogs;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;
using CallCluster.Sip.Sdp;

namespace CallCluster.Terminal;

public sealed partial class TerminalAgent
{
    private DateTimeOffset _nextStats;

    private void OnTick()
    {
        _layer.ProcessDueTimers();
        var now = _time.GetUtcNow();
        if (_registerRefreshAt is { } refresh && now >= refresh)
        {
            _registerRefreshAt = null;
            SendRegister(_options.RegisterExpires, null, 0);
        }

        foreach (var call in _calls.Values.ToArray())
        {
            if (call.AnswerAt is { } answerAt && now >= answerAt)
            {
                Accept(call, "after-ringing");
            }
            else if (call.RejectAt is { } rejectAt && now >= rejectAt)
            {
                Reject(call, _options.RejectStatus is 480 or 486 ? _options.RejectStatus : 480, "not-answered");
            }
            else if (call.Phase == CallPhase.Established && call.RefreshAt is { } refreshAt && now >= refreshAt)
            {
                call.RefreshAt = null;
                SendSessionRefresh(call);
            }
            else if (call.Phase == CallPhase.Established && call.ExpireAt is { } expireAt && now >= expireAt)
            {
                SendInDialogRequest(call, "BYE", null, (_, _) => { });
                EndCall(call, "session-expired", null);
            }
        }

        if (_options.StatsInterval > TimeSpan.Zero && now >= _nextStats)
        {
            _nextStats = now + _options.StatsInterval;
            foreach (var call in _calls.Values.Where(c => c.Phase == CallPhase.Established))
            {
                Emit(new MediaStatsEvent(now, call.CallId, call.Media.GetStats()));
            }
        }
    }

    /// <summary>
    /// Session timer (RFC 4028): the refresher re-INVITEs at half the interval; the other side
    /// ends the call with BYE when no refresh came a little before the interval ran out.
    /// </summary>
    private void ApplySessionTimer(CallLeg call, SipSessionExpires? sessionExpires, bool weAreUac)
    {
        if (sessionExpires is null || sessionExpires.DeltaSeconds <= 0)
        {
            call.RefreshAt = null;
            call.ExpireAt = null;
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Min(sessionExpires.DeltaSeconds, 86_400));
        var refresher = sessionExpires.Refresher ?? "uac";
        call.SessionExpires = (int)interval.TotalSeconds;
        call.Refresher = weAreUac ? refresher == "uac" : refresher == "uas";
        var now = _time.GetUtcNow();
        call.RefreshAt = call.Refresher ? now + (interval / 2) : null;
        call.ExpireAt = call.Refresher ? null : now + interval - TimeSpan.FromSeconds(Math.Min(32, interval.TotalSeconds / 3));
    }

    private void SendSessionRefresh(CallLeg call)
    {
        var offer = call.Media.CreateOffer();
        var seconds = (call.SessionExpires ?? 1800).ToString(CultureInfo.InvariantCulture);
        var sent = SendInDialogRequest(
            call,
            "INVITE",
            r => r.AddHeader("Session-Expires", seconds + ";refresher=uac").AddHeader("Supported", "timer").WithBody(offer.ToBytes(), "application/sdp"),
            (response, _) => OnRefreshResponse(call, response));
        if (!sent)
        {
            EndCall(call, "refresh-failed", null);
        }
    }

    private void OnRefreshResponse(CallLeg call, SipResponse response)
    {
        if (response.IsProvisional || call.Phase != CallPhase.Established || call.Dialog is not { } dialog)
        {
            return;
        }

        if (response.IsSuccess)
        {
            if (dialog.TryCreateAck(response.CSeq?.Number ?? (int)dialog.LocalCSeq, NewVia(), out var ack, out _) && ack is not null)
            {
                SendInDialog(dialog, ack);
            }

            if (SdpParser.TryParse(response.Body.Span, out var answer, out _) && answer is not null)
            {
                call.Media.TryApplyAnswer(answer);
            }

            call.Dialog = dialog.WithTargetRefresh(response);
            ApplySessionTimer(call, response.SessionExpires ?? new SipSessionExpires(call.SessionExpires ?? 1800, [new SipParameter("refresher", "uac")]), weAreUac: true);
            Emit(new CallStateEvent(_time.GetUtcNow(), call.CallId, "refreshed", response.StatusCode));
            return;
        }

        if (response.StatusCode is 408 or 481)
        {
            EndCall(call, "refresh-failed", response.StatusCode);
        }
    }
}
