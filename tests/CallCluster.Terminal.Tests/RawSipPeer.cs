using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Terminal.Tests;

/// <summary>A hand-driven SIP peer on loopback: builds requests with the Sip stack and sends them raw.</summary>
internal sealed class RawSipPeer : IDisposable
{
    private readonly Socket _sip = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private int _branch;

    public RawSipPeer()
    {
        _sip.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public int Port => ((IPEndPoint)_sip.LocalEndPoint!).Port;

    public string CallId { get; } = Guid.NewGuid().ToString("N") + "@raw";

    public string? RemoteTag { get; set; }

    public static Socket MediaSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    public static string Sdp(int port, int version) =>
        $"v=0\r\no=raw 42 {version} IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";

    public SipRequest Request(string method, string target, int cseq, string? body = null, params (string Name, string Value)[] headers)
    {
        var to = new NameAddress(SipUri.Parse(target));
        var builder = new SipRequestBuilder(method, SipUri.Parse(target))
            .Via(new SipVia("UDP", "127.0.0.1", Port, [new SipParameter("branch", SipVia.MagicCookie + "raw" + Interlocked.Increment(ref _branch) + cseq + method)]))
            .MaxForwards(70)
            .From(NameAddress.Parse("<sip:1001@127.0.0.1>").WithTag("rawtag"))
            .To(RemoteTag is null ? to : to.WithTag(RemoteTag))
            .CallId(CallId)
            .CSeq(cseq)
            .Contact(NameAddress.Parse($"<sip:1001@127.0.0.1:{Port}>"));
        foreach (var (name, value) in headers)
        {
            builder.Header(name, value);
        }

        if (body is not null)
        {
            builder.Body(Encoding.ASCII.GetBytes(body), "application/sdp");
        }

        return builder.Build();
    }

    public Task Send(SipMessage message, IPEndPoint to) => _sip.SendToAsync(message.ToBytes(), SocketFlags.None, to);

    /// <summary>The next message matching <paramref name="match"/> within <paramref name="seconds"/>, or null.</summary>
    public async Task<SipMessage?> Receive(Func<SipMessage, bool> match, int seconds = 15)
    {
        var buffer = new byte[65535];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var n = await _sip.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (SipParser.TryParse(buffer.AsSpan(0, n), out var message, out _) && message is not null && match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>True when an RTP packet arrives on <paramref name="media"/> within <paramref name="seconds"/>.</summary>
    public static async Task<bool> RtpArrives(Socket media, int seconds = 10)
    {
        var buffer = new byte[2048];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var n = await media.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (n > 12 && (buffer[1] & 0x7F) == 0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _sip.Dispose();
}
