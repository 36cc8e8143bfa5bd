using CallCluster.Gateway.Wire;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;
using CallCluster.Sip.Transport;

namespace CallCluster.Gateway.Core;

public sealed partial class GatewayActor
{
    private const string AllowValue = "INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, UPDATE, INFO";

    private static readonly HashSet<string> LocalMethods = new(StringComparer.Ordinal) { "REGISTER", "OPTIONS" };

    private void OnPacket(SipInboundPacket packet)
    {
        var peer = new TransactionPeer(packet.Transport.ToViaToken(), packet.Remote, packet.ConnectionId);
        if (!SipParser.TryParseInPlace(packet.Data, SipParserLimits.Default, out var message, out var error) || message is null)
        {
            var status = error.ToStatusCode();
            var reply = status is { } s ? StatelessRejection.Build(packet.Data.Span, s, s == 400 ? "Bad Request" : "Rejected") : null;
            if (reply is null)
            {
                _metrics.Dropped();
                return;
            }

            _metrics.Rejected(status!.Value);
            SendRaw(reply, packet);
            return;
        }

        if (message is SipResponse response)
        {
            _metrics.InResponse(response.StatusCode);
            _packet = packet;
            try
            {
                _tx.ReceiveResponse(response);
            }
            finally
            {
                _packet = null;
            }

            return;
        }

        OnRequest((SipRequest)message, peer);
    }

    private void SendRaw(byte[] bytes, SipInboundPacket packet)
    {
        if (packet.ConnectionId != 0)
        {
            _transport.SendOnConnection(packet.ConnectionId, bytes);
            return;
        }

        var sending = _transport.SendAsync(packet.Transport, packet.Remote, bytes);
        if (!sending.IsCompleted)
        {
            _ = sending.AsTask();
        }
    }

    private void OnRequest(SipRequest request, TransactionPeer peer)
    {
        _metrics.InRequest(request.Method);
        if (request.TopVia is null)
        {
            _metrics.Dropped();
            return;
        }

        request = SipViaRouting.StampTopVia(request, (System.Net.IPEndPoint)peer.RemoteEndPoint);
        var isAck = request.Method == SipMethods.Ack;
        if (!SipRequestValidator.TryValidate(request, out var invalid))
        {
            if (!isAck)
            {
                RejectStateless(request, peer, SipRequestValidator.CreateRejection(request, invalid, SipValidationOptions.Default));
            }

            return;
        }

        if (!isAck && !LocalMethods.Contains(request.Method) && request.MaxForwards == 0)
        {
            RejectStateless(request, peer, SipMessageFactory.CreateResponse(request, 483, "Too Many Hops"));
            return;
        }

        if (request.Via.Any(v => v.Branch?.StartsWith(ClusterAddress.BranchPrefix, StringComparison.Ordinal) == true))
        {
            if (!isAck)
            {
                RejectStateless(request, peer, SipMessageFactory.CreateResponse(request, 482, "Loop Detected"));
            }

            return;
        }

        request = TrustPolicy.Strip(request);
        if (_tx.ReceiveRequest(request, peer) == ServerRequestOutcome.Invalid && !isAck)
        {
            RejectStateless(request, peer, SipMessageFactory.CreateResponse(request, 400, "Bad Request"));
        }
    }

    private void RejectStateless(SipRequest request, TransactionPeer peer, SipResponse response)
    {
        _metrics.Rejected(response.StatusCode);
        Transmit(response, peer);
    }

    private void OnNotice(TransactionNotice notice)
    {
        switch (notice)
        {
            case RequestReceived { Key: null } ack:
                OnAck(ack.Request);
                break;
            case RequestReceived r:
                OnNewRequest(r.Key!, r.Request, r.From);
                break;
            case CancelReceived c:
                OnCancel(c);
                break;
            case ResponseReceived r:
                OnClientResponse(r.Key, r.Response);
                break;
            case TransactionTerminated t:
                _inviteKeys.Remove(t.Key);
                break;
        }
    }

    private void OnNewRequest(TransactionKey key, SipRequest request, TransactionPeer peer)
    {
        var inDialog = request.To?.Tag is not null;
        switch (request.Method)
        {
            case SipMethods.Register:
                OnRegister(key, request);
                break;
            case SipMethods.Options:
                Respond(key, request, 200, "OK", r => r
                    .AddHeader("Allow", AllowValue)
                    .AddHeader("Accept", "application/sdp")
                    .AddHeader("Supported", "timer")
                    .AddHeader("Server", _settings.Product));
                break;
            case SipMethods.Invite when !inDialog:
                OnInitialInvite(key, request, peer);
                break;
            default:
                if (inDialog)
                {
                    OnInDialog(key, request, peer);
                }
                else
                {
                    Respond(key, request, request.Method == SipMethods.Bye ? 481 : 405,
                        request.Method == SipMethods.Bye ? "Call/Transaction Does Not Exist" : "Method Not Allowed",
                        r => r.AddHeader("Allow", AllowValue));
                }

                break;
        }
    }

    /// <summary>Answers a server transaction; <paramref name="toTag"/> is added when To has none.</summary>
    private void Respond(TransactionKey key, SipRequest request, int status, string reason, Func<SipResponse, SipResponse>? edit = null, string? toTag = null)
    {
        var response = SipMessageFactory.CreateResponse(request, status, reason, status > 100 && request.To?.Tag is null ? toTag ?? NewTag() : null);
        if (edit is not null)
        {
            response = edit(response);
        }

        _tx.SendResponse(key, response);
    }
}
