using System.Net;
using Akka.Actor;
using Akka.Event;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Hosting;
using CallCluster.Gateway.Wire;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;
using CallCluster.Sip.Transport;

namespace CallCluster.Gateway.Core;

/// <summary>
/// The gateway of one node: owns the node's <see cref="SipTransportLayer"/> and one
/// <see cref="TransactionLayer"/>, both used only from this actor (no locks). Inbound packets are
/// pumped into the mailbox; transaction timers are one Akka timer re-armed at the layer's next
/// deadline. Requests are checked (parse, validation, Max-Forwards, loops), untrusted headers
/// stripped, then registered, authenticated, routed to session entities; the sessions' SIP effects
/// come back here and go out through the layer.
/// </summary>
public sealed partial class GatewayActor : ReceiveActor, IWithTimers
{
    private const string TxTimer = "tx";
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly GatewaySettings _settings;
    private readonly GatewayPorts _ports;
    private readonly SipTransportLayer _transport;
    private readonly GatewayMetrics _metrics;
    private readonly ClusterAddress _address;
    private readonly TransactionLayer _tx;
    private readonly DigestChallenger _challenger;
    private readonly DigestVerifier _verifier;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly string _nodeToken;
    private DateTimeOffset? _armedFor;

    public GatewayActor(GatewaySettings settings, GatewayPorts ports, SipTransportLayer transport, GatewayMetrics metrics, ClusterAddress address, string nodeToken)
    {
        _nodeToken = nodeToken;
        _settings = settings;
        _ports = ports;
        _transport = transport;
        _metrics = metrics;
        _address = address;
        _tx = new TransactionLayer(_time, new Sink(this), new TransactionTimers(settings.T1, settings.T2, settings.T4));
        var secret = System.Text.Encoding.UTF8.GetBytes(settings.AuthSecret.PadRight(16, '#'));
        _challenger = new DigestChallenger(DigestChallengerOptions.Default(settings.Domain, secret) with { Algorithms = settings.DigestAlgorithms }, _time);
        _verifier = new DigestVerifier(_challenger, _time);

        Receive<SipInboundPacket>(OnPacket);
        Receive<CallCluster.Actors.Calls.RelayedSipPacket>(OnRelayed);
        Receive<TxTick>(_ =>
        {
            _armedFor = null;
            _tx.ProcessDueTimers();
        });
        Receive<Continue>(c => c.Then(c.Reply));
        Receive<ResentReply>(OnResentReply);
        Receive<Resend>(r => SendCopy(r.Id));
        Receive<RetransmitOk>(OnRetransmitOk);
        Receive<InboundTimeout>(OnInboundTimeout);
        Receive<ISipEffect>(OnEffect);
        Receive<ISessionReply>(_ => { });
        Receive<Status.Failure>(f => _log.Warning("Gateway: {0}", f.Cause.Message));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(GatewaySettings settings, GatewayPorts ports, SipTransportLayer transport, GatewayMetrics metrics, ClusterAddress address, string nodeToken) =>
        Akka.Actor.Props.Create(() => new GatewayActor(settings, ports, transport, metrics, address, nodeToken));

    private DirectorySnapshot Directory => _ports.Directory();

    protected override void PreStart()
    {
        var self = Self;
        var reader = _transport.Inbound;
        _ = Task.Run(async () =>
        {
            await foreach (var packet in reader.ReadAllAsync().ConfigureAwait(false))
            {
                self.Tell(packet);
            }
        });
    }

    protected override void PostStop() => _transport.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));

    /// <summary>
    /// Every message re-arms the transaction timer. A failure while handling one message is logged
    /// and the actor goes on (a restart would drop the sockets and every live transaction).
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        var handled = true;
        try
        {
            handled = base.AroundReceive(receive, message);
        }
        catch (Exception e) when (e is not ActorKilledException)
        {
            _log.Error(e, "Gateway: failed to handle {0}", message.GetType().Name);
        }

        ArmTimer();
        return handled;
    }

    private void ArmTimer()
    {
        var next = _tx.NextDeadline;
        if (next is null || next == _armedFor)
        {
            return;
        }

        _armedFor = next;
        var delay = next.Value - _time.GetUtcNow();
        Timers.StartSingleTimer(TxTimer, TxTick.Instance, delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
    }

    /// <summary>Runs <paramref name="then"/> on this actor with the entity's reply (null on timeout).</summary>
    private void AskThen(IActorRef entity, object message, Action<object?> then) =>
        entity.Ask<object>(message, _settings.EntityTimeout)
            .PipeTo(Self, success: r => new Continue(then, r), failure: _ => new Continue(then, null));

    private static string NewTag() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 8));

    private sealed record TxTick
    {
        public static TxTick Instance { get; } = new();
    }

    private sealed record Continue(Action<object?> Then, object? Reply);

    private sealed class Sink(GatewayActor owner) : ITransactionLayerSink
    {
        public void Send(SipMessage message, TransactionPeer peer) => owner.Transmit(message, peer);

        public void Deliver(TransactionNotice notice) => owner.OnNotice(notice);
    }

    private static SipTransportKind KindOf(TransactionPeer peer) =>
        SipTransportKinds.TryParse(peer.Transport, out var kind) ? kind : SipTransportKind.Udp;

    /// <summary>Sends a message now: requests to the peer, responses along their top Via.</summary>
    private void Transmit(SipMessage message, TransactionPeer peer)
    {
        var bytes = message.Raw;
        ValueTask<SipSendResult> sending;
        if (message is SipResponse response)
        {
            _metrics.OutResponse(response.StatusCode);
            if (!SipViaRouting.TryRoute(response, peer.ConnectionId, out var target))
            {
                return;
            }

            sending = _transport.SendResponseAsync(target!, bytes);
        }
        else
        {
            _metrics.OutRequest(((SipRequest)message).Method);
            if (peer.ConnectionId != 0)
            {
                _transport.SendOnConnection(peer.ConnectionId, bytes);
                return;
            }

            sending = _transport.SendAsync(KindOf(peer), (IPEndPoint)peer.RemoteEndPoint, bytes);
        }

        if (!sending.IsCompleted)
        {
            _ = sending.AsTask();
        }
    }
}
