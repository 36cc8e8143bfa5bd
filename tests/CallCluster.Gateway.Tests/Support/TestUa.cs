using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCluster.Sip.Message;

namespace CallCluster.Gateway.Tests.Support;

/// <summary>A minimal SIP user agent over UDP on loopback: sends text, receives parsed messages.</summary>
public sealed class TestUa : IDisposable
{
    private readonly Socket _socket;

    public TestUa(string user, IPEndPoint gateway, IPAddress? bind = null)
    {
        User = user;
        Gateway = gateway;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(bind ?? IPAddress.Loopback, 0));
        _socket.ReceiveTimeout = 10_000;
    }

    public string User { get; }

    public IPEndPoint Gateway { get; }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public IPAddress Address => ((IPEndPoint)_socket.LocalEndPoint!).Address;

    public string Contact => $"sip:{User}@{Address}:{Port}";

    public void Send(string text) => SendBytes(Encoding.UTF8.GetBytes(text));

    public void SendBytes(byte[] bytes) => _socket.SendTo(bytes, Gateway);

    /// <summary>The next message, or null after the receive timeout.</summary>
    public SipMessage? Receive(int timeoutMs = 10_000)
    {
        _socket.ReceiveTimeout = timeoutMs;
        var buffer = new byte[65_535];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            var n = _socket.ReceiveFrom(buffer, ref from);
            return SipParser.TryParse(buffer.AsSpan(0, n), out var message, out _) ? message : null;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    /// <summary>The first response matching <paramref name="match"/> (default: any but 100), skipping others; fails after 20 messages or a timeout.</summary>
    public SipResponse ExpectResponse(Func<SipResponse, bool>? match = null)
    {
        match ??= r => r.StatusCode != 100;
        for (var i = 0; i < 20; i++)
        {
            var message = Receive() ?? throw new Xunit.Sdk.XunitException($"{User}: no response arrived");
            if (message is SipResponse r && match(r))
            {
                return r;
            }
        }

        throw new Xunit.Sdk.XunitException($"{User}: no matching response");
    }

    /// <summary>The first request with <paramref name="method"/>, skipping others; fails after 20 messages or a timeout.</summary>
    public SipRequest ExpectRequest(string method)
    {
        for (var i = 0; i < 20; i++)
        {
            var message = Receive() ?? throw new Xunit.Sdk.XunitException($"{User}: no {method} arrived");
            if (message is SipRequest r && r.Method == method)
            {
                return r;
            }
        }

        throw new Xunit.Sdk.XunitException($"{User}: no {method}");
    }

    /// <summary>Sends <paramref name="response"/> text back to where <paramref name="request"/> came from (the gateway).</summary>
    public void Reply(SipResponse response) => SendBytes(response.ToBytes());

    public void Dispose() => _socket.Dispose();
}
