using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using CallCluster.Sip.Message;
using CallCluster.Sip.Transactions;

namespace CallCluster.Benchmarks;

/// <summary>
/// Transaction layer round trips on a fixed virtual clock: a client INVITE through 100, 180 and
/// 200 to termination, and a server INVITE answered with 100, 180 and 200. Messages are parsed
/// once in setup; the figures are the layer's own cost (matching, state machines, timers).
/// </summary>
[MemoryDiagnoser]
public class TransactionRoundTripBenchmarks
{
    private static readonly TransactionPeer Peer = new("UDP", new IPEndPoint(IPAddress.Loopback, 5060));
    private readonly NullSink _sink = new();
    private TransactionLayer _layer = null!;
    private SipRequest _invite = null!;
    private SipResponse _trying = null!;
    private SipResponse _ringing = null!;
    private SipResponse _ok = null!;

    [GlobalSetup]
    public void Setup()
    {
        _layer = new TransactionLayer(new FixedTime(), _sink);
        _invite = (SipRequest)Parse(
            "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds\r\n" +
            "Max-Forwards: 70\r\n" +
            "To: Bob <sip:bob@biloxi.example.com>\r\n" +
            "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
            "CSeq: 314159 INVITE\r\n" +
            "Contact: <sip:alice@pc33.atlanta.example.com>\r\n" +
            "Content-Length: 0\r\n\r\n");
        _trying = Response(100, tag: false);
        _ringing = Response(180, tag: true);
        _ok = Response(200, tag: true);
    }

    [Benchmark]
    public int ClientInviteRoundTrip()
    {
        _layer.TrySendRequest(_invite, Peer, out _, out _);
        _layer.ReceiveResponse(_trying);
        _layer.ReceiveResponse(_ringing);
        _layer.ReceiveResponse(_ok);
        return _layer.Count;
    }

    [Benchmark]
    public int ServerInviteRoundTrip()
    {
        _layer.ReceiveRequest(_invite, Peer);
        var key = _sink.LastKey!;
        _layer.SendResponse(key, _trying);
        _layer.SendResponse(key, _ringing);
        _layer.SendResponse(key, _ok);
        return _layer.Count;
    }

    private static SipResponse Response(int status, bool tag) => (SipResponse)Parse(
        $"SIP/2.0 {status} Status\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>" + (tag ? ";tag=a6c85cf" : string.Empty) + "\r\n" +
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Content-Length: 0\r\n\r\n");

    private static SipMessage Parse(string text) =>
        SipParser.TryParse(Encoding.ASCII.GetBytes(text), out var message, out var error)
            ? message!
            : throw new InvalidOperationException(error.ToString());

    private sealed class FixedTime : TimeProvider
    {
        private readonly DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;
    }

    private sealed class NullSink : ITransactionLayerSink
    {
        public TransactionKey? LastKey { get; private set; }

        public void Send(SipMessage message, TransactionPeer peer)
        {
        }

        public void Deliver(TransactionNotice notice)
        {
            if (notice is RequestReceived { Key: { } key })
            {
                LastKey = key;
            }
        }
    }
}
