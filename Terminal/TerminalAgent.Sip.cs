using System.Net;
using System.Security.Cryptography;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;
using CallCluster.Sip.Transactions;
using CallCluster.Sip.Transport;

namespace CallCluster.Terminal;

public sealed partial class TerminalAgent
{
    private readonly Dictionary<TransactionKey, Action<SipResponse, bool>> _pending = [];

    private void OnPacket(SipInboundPacket packet)
    {
        if (!SipParser.TryParseInPlace(packet.Data, SipParserLimits.Default, out var message, out _) || message is null)
        {
            return;
        }

        if (message is SipRequest request)
        {
            _layer.ReceiveRequest(request, new TransactionPeer("UDP", packet.Remote));
        }
        else if (message is SipResponse response)
        {
            _layer.ReceiveResponse(response);
        }
    }

    private void OnNotice(TransactionNotice notice)
    {
        switch (notice)
        {
            case RequestReceived r:
                OnRequest(r);
                break;
            case CancelReceived c:
                OnCancel(c);
                break;
            case ResponseReceived { Key: { } key } r when _pending.TryGetValue(key, out var handler):
                handler(r.Response, r.Local);
                break;
            case ResponseReceived { Key: null } r:
                OnStrayResponse(r.Response);
                break;
            case AckTimedOut t:
                OnAckTimeout(t.Key);
                break;
            case TransactionTerminated t:
                _pending.Remove(t.Key);
                break;
        }
    }

    /// <summary>Starts a client transaction; false when the layer refuses it or there is no next hop.</summary>
    private bool SendRequest(SipRequest request, IPEndPoint? to, Action<SipResponse, bool> onResponse)
    {
        if (to is null || !_layer.TrySendRequest(request, new TransactionPeer("UDP", to), out var key, out _) || key is null)
        {
            return false;
        }

        _pending[key] = onResponse;
        return true;
    }

    private void SendDirect(SipMessage message, IPEndPoint to) =>
        _ = _transport.SendAsync(SipTransportKind.Udp, to, message.ToBytes()).AsTask();

    private SipVia NewVia() =>
        new("UDP", _local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{_local.Address}]" : _local.Address.ToString(), _local.Port,
            [new SipParameter("branch", SipVia.MagicCookie + NewToken()), new SipParameter("rport", null)]);

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Where a request for <paramref name="uri"/> with <paramref name="routes"/> goes.</summary>
    private IPEndPoint? NextHop(string uri, IReadOnlyList<string> routes)
    {
        if (routes.Count > 0 && SipUri.TryParse(routes[0], out var route) && Resolve(route) is { } viaRoute)
        {
            return viaRoute;
        }

        return SipUri.TryParse(uri, out var target) && Resolve(target) is { } direct ? direct : _options.Registrar;
    }

    private static IPEndPoint? Resolve(SipUri uri) =>
        IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? new IPEndPoint(address, uri.Port ?? 5060) : null;

    private sealed class Sink(TerminalAgent agent) : ITransactionLayerSink
    {
        public void Send(SipMessage message, TransactionPeer peer)
        {
            if (peer.RemoteEndPoint is IPEndPoint remote)
            {
                agent.SendDirect(message, remote);
            }
        }

        public void Deliver(TransactionNotice notice) => agent.OnNotice(notice);
    }
}
