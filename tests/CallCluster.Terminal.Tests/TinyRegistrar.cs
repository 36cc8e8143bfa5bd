using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Message;

namespace CallCluster.Terminal.Tests;

/// <summary>A registrar for tests: challenges every REGISTER without valid digest credentials (SHA-256 and MD5 offered, or only <paramref name="algorithms"/>).</summary>
internal sealed class TinyRegistrar : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly DigestVerifier _verifier;
    private readonly DigestChallenger _challenger;
    private readonly string _user;
    private readonly string _password;
    private readonly Task _loop;

    public TinyRegistrar(string user, string password, IReadOnlyList<DigestAlgorithm> algorithms)
    {
        _user = user;
        _password = password;
        _challenger = new DigestChallenger(new DigestChallengerOptions("test.realm", Encoding.ASCII.GetBytes("0123456789abcdef0123"), TimeSpan.FromMinutes(5), algorithms), TimeProvider.System);
        _verifier = new DigestVerifier(_challenger, TimeProvider.System);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(Loop);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public List<(DigestVerifyResult? Result, long? Expires, string? Algorithm)> Requests { get; } = [];

    private async Task Loop()
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (!SipParser.TryParse(buffer.AsSpan(0, received.ReceivedBytes), out var message, out _) || message is not SipRequest { Method: "REGISTER" } request)
            {
                continue;
            }

            var header = request.GetHeaderValue("Authorization");
            SipResponse response;
            if (header is null)
            {
                Requests.Add((null, request.Expires, null));
                response = SipMessageFactory.CreateResponse(request, 401, null, "reg");
                foreach (var value in _challenger.CreateHeaderValues())
                {
                    response = response.AddHeader("WWW-Authenticate", value);
                }
            }
            else
            {
                var result = _verifier.Verify(header, "REGISTER", request.RequestUriText, u => u == _user ? DigestCredentials.FromPassword(_user, "test.realm", _password) : null);
                DigestAuthorization.TryParse(header, out var parsed, out _);
                Requests.Add((result, request.Expires, parsed?.Algorithm.ToToken()));
                response = result == DigestVerifyResult.Ok
                    ? SipMessageFactory.CreateResponse(request, 200, null, "reg").AddHeader("Contact", request.GetHeaderValue("Contact") + ";expires=" + (request.Expires ?? 60))
                    : SipMessageFactory.CreateResponse(request, 403, null, "reg");
            }

            await _socket.SendToAsync(response.ToBytes(), SocketFlags.None, received.RemoteEndPoint);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
