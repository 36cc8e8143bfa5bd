using System.Net;
using Akka.Event;
using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Wire;
using CallCluster.Sip.Dialogs;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;
using CallCluster.Sip.Transactions;
using static CallCluster.Actors.Calls.MobileCallsCommands;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;
using static CallCluster.Actors.Sessions.SessionEffects;

namespace CallCluster.Gateway.Core;

public sealed partial class GatewayActor
{
    private readonly Dictionary<(SessionId, LegId), OutboundLeg> _outbound = [];
    private readonly Dictionary<TransactionKey, OutboundFork> _forks = [];
    private readonly Dictionary<TransactionKey, DialogState> _reInvites = [];
    private readonly Dictionary<(SessionId, LegId), string> _mobileLegs = [];

    /// <summary>
    /// The session's INVITE on an outbound leg: to every registered contact of a subscriber at once
    /// (parallel forking: the first 2xx wins, the others are CANCELled, a late 2xx is ACKed and
    /// BYEd), or to the trunk's address. Nothing reachable gives the session a 480 (404 for an
    /// unknown trunk).
    /// </summary>
    private void OnSendInvite(SendInvite e)
    {
        if (e.To.Kind == PartyKind.Trunk)
        {
            var trunk = e.To.Trunk is null ? null : Directory.FindTrunk(e.To.Trunk);
            var number = SipUri.TryParse(e.To.Uri, out var u) ? u.User : null;
            if (trunk is null || !SipUri.TryParse($"sip:{number}@{trunk.Address}", out var target))
            {
                Report(new SessionCommands.FailureReceived(e.SessionId, e.LegId, 404, "no such trunk"));
                return;
            }

            Fork(e, [target]);
            return;
        }

        var user = SipUri.TryParse(e.To.Uri, out var to) ? to.User : null;
        AskThen(_ports.Registrations, new GetBindings(user ?? string.Empty), reply =>
        {
            var contacts = reply is Bindings b
                ? b.Contacts.Select(c => SipUri.TryParse(c.Uri, out var uri) ? uri : null).OfType<SipUri>().ToList()
                : [];
            if (contacts.Count == 0)
            {
                Report(new SessionCommands.FailureReceived(e.SessionId, e.LegId, 480, "not registered"));
                return;
            }

            Fork(e, contacts);
        });
    }

    private void Fork(SendInvite e, IReadOnlyList<SipUri> targets)
    {
        var leg = new OutboundLeg(e.SessionId, e.LegId);
        _outbound[(e.SessionId, e.LegId)] = leg;
        var caller = _inbound.FirstOf(e.SessionId);
        var passThrough = caller?.PassThrough ?? [];
        // Max-Forwards continues from the caller's request, so a loop through other switches ends in 483.
        var hops = caller?.Invite.MaxForwards is { } received ? Math.Max(received - 1, 0) : 70;
        foreach (var target in targets)
        {
            if (!TryPeer(target, out var peer))
            {
                continue;
            }

            var builder = new SipRequestBuilder(SipMethods.Invite, target)
                .Via(NewVia(e.SessionId, e.LegId, peer!))
                .MaxForwards(hops)
                .From(new NameAddress(SipUri.Parse(e.From.Uri), e.From.DisplayName).WithTag(e.LocalTag))
                .To(new NameAddress(SipUri.Parse(e.To.Uri), e.To.DisplayName))
                .CallId(e.CallId)
                .CSeq(1)
                .Contact(new NameAddress(SipUri.Parse(_address.ContactFor(e.SessionId, e.LegId))))
                .Header("Allow", AllowValue)
                .Header("Supported", "timer")
                .Header("Session-Expires", _settings.SessionExpiresSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Header("Min-SE", _settings.MinSessionExpiresSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Header("User-Agent", _settings.Product);
            foreach (var header in e.Headers)
            {
                builder.Header(header.Name, header.Value);
            }

            foreach (var (name, value) in passThrough)
            {
                builder.Header(name, value);
            }

            if (e.Sdp is not null)
            {
                builder.Body(System.Text.Encoding.UTF8.GetBytes(e.Sdp), "application/sdp");
            }

            var invite = builder.Build();
            if (_tx.TrySendRequest(invite, peer!, out var key, out _))
            {
                var fork = new OutboundFork(leg, invite, peer!);
                leg.Forks.Add(fork);
                _forks[key!] = fork;
            }
        }

        if (leg.Forks.Count == 0)
        {
            _outbound.Remove((e.SessionId, e.LegId));
            Report(new SessionCommands.FailureReceived(e.SessionId, e.LegId, 480, "no reachable contact"));
        }
    }

    private void OnSendCancel(SendCancel c)
    {
        if (_outbound.TryGetValue((c.SessionId, c.LegId), out var leg))
        {
            leg.Cancelled = true;
            CancelPending(leg, except: null);
        }
    }

    private void CancelPending(OutboundLeg leg, OutboundFork? except)
    {
        foreach (var fork in leg.Forks.Where(f => f != except && f.FinalStatus is null))
        {
            _tx.TrySendRequest(SipMessageFactory.CreateCancel(fork.Invite), fork.Peer, out _, out _);
        }
    }

    private void OnSendBye(SendBye b)
    {
        if (_mobileLegs.Remove((b.SessionId, b.LegId), out var mobile))
        {
            _ports.MobileCalls.Tell(new CallEnded(mobile, b.SessionId.Value, b.LegId.Value), Self);
        }

        DropPendingOks(b.Dialog.CallId);
        _outbound.Remove((b.SessionId, b.LegId));
        // The session has already advanced the CSeq: build with the one before it.
        SendInDialog(b.SessionId, b.LegId, b.Dialog with { LocalCSeq = Math.Max(0, b.Dialog.LocalCSeq - 1) }, SipMethods.Bye, null, null);
    }

    private void OnSendReInvite(SendReInvite r) =>
        SendInDialog(r.SessionId, r.LegId, r.Dialog, SipMethods.Invite, r.Sdp, d => d);

    private void SendInDialog(SessionId session, LegId legId, DialogState dialog, string method, string? sdp, Func<DialogState, DialogState>? remember)
    {
        if (!TryNextHop(DialogTarget.For(dialog), out var peer)
            || !dialog.TryCreate(method, NewVia(session, legId, peer!), out var request, out _))
        {
            _log.Warning("Gateway: cannot send {0} for leg {1} of session {2}", method, legId, session);
            return;
        }

        var message = request!.Request;
        if (method == SipMethods.Invite)
        {
            message = message.AddHeader("Supported", "timer").AddHeader("Session-Expires", _settings.SessionExpiresSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (sdp is not null)
        {
            message = message.WithBody(System.Text.Encoding.UTF8.GetBytes(sdp), "application/sdp");
        }

        if (_tx.TrySendRequest(message, peer!, out var key, out _) && remember is not null)
        {
            _reInvites[key!] = remember(request.Dialog);
        }
    }

    private SipVia NewVia(SessionId session, LegId leg, TransactionPeer peer) =>
        new(peer.Transport, _address.Host, _address.Port,
            [new SipParameter("branch", ClusterAddress.BranchFor(session, leg, NewTag())), new SipParameter("rport", null)]);

    private void Report(ISessionCommand command) => _ports.Sessions.Tell(command, Self);

    /// <summary>Where a request to <paramref name="uri"/> goes: IP literals only (names are not resolved).</summary>
    private static bool TryPeer(SipUri uri, out TransactionPeer? peer)
    {
        peer = null;
        var host = uri.Host.Trim('[', ']');
        if (!IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        var transport = (uri.Transport ?? "udp").ToUpperInvariant();
        if (transport is not ("UDP" or "TCP"))
        {
            return false;
        }

        peer = new TransactionPeer(transport, new IPEndPoint(address, uri.Port ?? 5060));
        return true;
    }

    private static bool TryNextHop(DialogTarget target, out TransactionPeer? peer)
    {
        peer = null;
        var hop = target.Route.Count > 0 && NameAddress.TryParse(target.Route[0], out var route) ? route.Uri : SipUri.TryParse(target.RequestUri, out var ruri) ? ruri : null;
        return hop is not null && TryPeer(hop, out peer);
    }
}
