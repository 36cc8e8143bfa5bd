using System.Globalization;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Wire;
using CallCluster.Sip.Dialogs;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;
using static CallCluster.Actors.Calls.MobileCallsCommands;
using static CallCluster.Actors.Calls.MobileCallsReplies;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Gateway.Core;

public sealed partial class GatewayActor
{
    /// <summary>The explicit correlation header of the home video call: the same token on the mobile's two INVITEs joins them.</summary>
    public const string CorrelationHeader = "X-Home-Session";

    private readonly InboundLegTable _inbound = new();
    private readonly Dictionary<TransactionKey, (SessionId Session, LegId Leg)> _inviteKeys = [];

    /// <summary>
    /// An initial INVITE: the caller is a trunk (by source address, no auth) or an authenticated
    /// subscriber (407); the target is a subscriber (404 unknown, 480 not registered) or a trunk
    /// by longest number prefix. A mobile with bound local terminals places home calls, joined
    /// through the mobile-calls index; everything else is a plain call.
    /// </summary>
    private void OnInitialInvite(TransactionKey key, SipRequest request, TransactionPeer peer)
    {
        var snapshot = Directory;
        var min = _settings.MinSessionExpiresSeconds;
        if (request.SessionExpires is { } se && se.DeltaSeconds < min)
        {
            Respond(key, request, 422, "Session Interval Too Small", r => r.AddHeader("Min-SE", min.ToString(CultureInfo.InvariantCulture)));
            return;
        }

        if (request.Contact is not [{ Uri: not null }])
        {
            Respond(key, request, 400, "Missing Contact");
            return;
        }

        var source = ((System.Net.IPEndPoint)peer.RemoteEndPoint).Address;
        Party caller;
        Subscriber? callerSubscriber = null;
        if (snapshot.TrunkBySource(source) is { } trunk)
        {
            caller = new Party(request.From!.Uri.ToString(), PartyKind.Trunk, trunk.Name, request.From.DisplayName);
        }
        else
        {
            callerSubscriber = Authenticate(key, request, proxy: true);
            if (callerSubscriber is null)
            {
                return;
            }

            if (!string.Equals(request.From?.Uri.User, callerSubscriber.User, StringComparison.Ordinal))
            {
                Respond(key, request, 403, "From does not match the authenticated user");
                return;
            }

            caller = new Party(SubscriberUri(callerSubscriber.User), PartyKind.Subscriber, null, request.From!.DisplayName);
        }

        var user = request.RequestUri?.User;
        var targetSubscriber = user is null ? null : snapshot.FindSubscriber(user);
        Party target;
        if (targetSubscriber is not null)
        {
            target = new Party(SubscriberUri(targetSubscriber.User));
        }
        else if (user is not null && snapshot.TrunkByPrefix(user) is { } route)
        {
            target = new Party($"sip:{user}@{route.Address}", PartyKind.Trunk, route.Name);
        }
        else
        {
            Respond(key, request, 404, "Not Found");
            return;
        }

        var mobile = callerSubscriber is { Kind: SubscriberKind.Mobile } m && snapshot.LocalTerminalsOf(m.User).Count > 0 ? m.User : null;
        var targetIsLocal = mobile is not null && targetSubscriber is not null && snapshot.IsLocalTerminalBoundTo(targetSubscriber.User, mobile);
        var call = new NewCall(key, request, caller, target, mobile, targetIsLocal, new LegId("i" + NewTag() + "-" + _nodeToken), peer);
        if (targetSubscriber is null)
        {
            PlaceCall(call, retried: false);
            return;
        }

        AskThen(_ports.Registrations, new GetBindings(targetSubscriber.User), reply =>
        {
            switch (reply)
            {
                case Bindings { Contacts.Count: > 0 }:
                    PlaceCall(call, retried: false);
                    break;
                case Bindings:
                    Respond(key, request, 480, "Temporarily Unavailable");
                    break;
                default:
                    Respond(key, request, 503, "Service Unavailable", RetryAfter);
                    break;
            }
        });
    }

    private string SubscriberUri(string user) => $"sip:{user}@{_settings.Domain}";

    /// <summary>A party reached over a trunk whose media setting is bypass: the call's SDP is relayed unchanged.</summary>
    private bool BypassesMedia(Party party) =>
        party.Trunk is not null && Directory.FindTrunk(party.Trunk)?.Media == TrunkMedia.Bypass;

    /// <summary>Home calls ask the mobile's index which session they belong to; plain calls get a new one.</summary>
    private void PlaceCall(NewCall call, bool retried)
    {
        var fresh = SessionId.New();
        if (call.Mobile is null)
        {
            StartSession(call, fresh, joined: false, retried);
            return;
        }

        var token = call.Request.GetHeaderValue(CorrelationHeader)?.Trim();
        var place = new PlaceCall(call.Mobile, fresh.Value, call.Leg.Value, call.Target.Uri, call.TargetIsLocal, string.IsNullOrEmpty(token) ? null : token);
        AskThen(_ports.MobileCalls, place, reply =>
        {
            if (reply is JoinDecision decision)
            {
                StartSession(call, new SessionId(decision.SessionId), decision.Joined, retried);
            }
            else
            {
                Respond(call.Key, call.Request, 503, "Service Unavailable", RetryAfter);
            }
        });
    }

    private void StartSession(NewCall call, SessionId session, bool joined, bool retried)
    {
        var request = call.Request;
        var localTag = ClusterAddress.TagFor(session, call.Leg, NewTag());
        var contact = _address.ContactFor(session, call.Leg);
        if (!DialogFactory.TryCreateUas(request, localTag, contact, early: false, out var dialog, out _))
        {
            Respond(call.Key, request, 400, "Bad Request");
            return;
        }

        var leg = new InboundLeg(session, call.Leg, call.Key, request, localTag, contact, call.Mobile, TrustPolicy.Copied(request), call.Peer);
        _inbound.Set(leg);
        _inviteKeys[call.Key] = (session, call.Leg);
        Timers.StartSingleTimer("in:" + call.Leg.Value, new InboundTimeout(session, call.Leg), InboundLimit);
        var kind = call.Mobile is null ? SessionKind.Plain : SessionKind.Home;
        var role = kind == SessionKind.Plain ? LegRole.Callee : call.TargetIsLocal ? LegRole.LocalTerminal : LegRole.Remote;
        var sdp = request.Body.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(request.Body.Span);
        var anchor = _settings.AnchorMedia && !BypassesMedia(call.Caller) && !BypassesMedia(call.Target);
        // The first copy for an id minted here says so: that session recovers without any journal read.
        var command = new SessionCommands.InboundInvite(session, call.Leg, kind, call.Caller, call.Target, role, dialog!, sdp, anchor, NewSession: !joined);
        // Sent again every second until the session answers: a copy lost on its way (a session node
        // being lost, a shard restarting) does not refuse the call; the session takes a repeated leg once.
        AskSessionResending(command, reply =>
        {
            switch (reply)
            {
                case SessionReplies.Accepted:
                    break;
                case SessionReplies.Rejected { Status: 481 } when joined && !retried:
                    // The index named a session that is already over: forget it and start afresh.
                    _inbound.Remove((session, call.Leg));
                    _ports.MobileCalls.Tell(new CallEnded(call.Mobile!, session.Value, "*"), Self);
                    PlaceCall(call, retried: true);
                    break;
                case SessionReplies.Rejected r:
                    FinishInbound(session, call.Leg, r.Status, r.Reason);
                    break;
                case SessionReplies.Unavailable u:
                    FinishInbound(session, call.Leg, u.Status, u.Reason, u.RetryAfterSeconds);
                    break;
                default:
                    // No answer in time: the session may still take the INVITE later (a slow journal, a
                    // shard being re-homed) and call the callee for a caller that was refused. It is told
                    // the caller cancelled, which ends such a late call (CANCEL to the callee, one CDR)
                    // and is refused with 481 by a session that never started.
                    FinishInbound(session, call.Leg, 503, "Service Unavailable", _settings.RetryAfterSeconds);
                    _ports.Sessions.Tell(new SessionCommands.CancelReceived(session, call.Leg), Self);
                    break;
            }
        }, resendAs: command with { NewSession = false });
    }

    /// <summary>An inbound INVITE unanswered for this long (beyond RFC 3261 timer C) is cancelled toward the session and answered 408.</summary>
    private static readonly TimeSpan InboundLimit = TimeSpan.FromMinutes(4);

    private void OnInboundTimeout(InboundTimeout t)
    {
        if (_inbound.ContainsKey((t.Session, t.Leg)))
        {
            _ports.Sessions.Tell(new SessionCommands.CancelReceived(t.Session, t.Leg), Self);
            FinishInbound(t.Session, t.Leg, 408, "Request Timeout");
        }
    }

    /// <summary>Final error on an inbound INVITE this node still holds; the mobile's index forgets the call.</summary>
    private void FinishInbound(SessionId session, LegId legId, int status, string reason, int? retryAfter = null)
    {
        if (!_inbound.Remove((session, legId), out var leg))
        {
            return;
        }

        Timers.Cancel("in:" + legId.Value);

        Respond(leg.Key, leg.Invite, status, reason, r => retryAfter is { } s ? r.AddHeader("Retry-After", s.ToString(CultureInfo.InvariantCulture)) : r, leg.LocalTag);
        CallOver(leg);
    }

    private void CallOver(InboundLeg leg)
    {
        if (leg.Mobile is not null)
        {
            _ports.MobileCalls.Tell(new CallEnded(leg.Mobile, leg.Session.Value, leg.Leg.Value), Self);
        }
    }

    /// <summary>CANCEL: 200 at once; the session decides the INVITE's 487 (or answers it itself when the session is unknown here).</summary>
    private void OnCancel(CancelReceived cancel)
    {
        _tx.SendResponse(cancel.CancelKey, SipMessageFactory.CreateResponse(cancel.Cancel, 200, "OK"));
        if (_inviteKeys.TryGetValue(cancel.InviteKey, out var ids))
        {
            _ports.Sessions.Tell(new SessionCommands.CancelReceived(ids.Session, ids.Leg), Self);
        }
    }

    private sealed record InboundTimeout(SessionId Session, LegId Leg);

    private sealed record NewCall(
        TransactionKey Key,
        SipRequest Request,
        Party Caller,
        Party Target,
        string? Mobile,
        bool TargetIsLocal,
        LegId Leg,
        TransactionPeer Peer);
}
