using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CallCluster.Interop.Tests.Infrastructure;

/// <summary>A bare UDP socket that sends hand-written SIP requests and reads the final answer.</summary>
public sealed partial class RawSip(string localAddress) : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Parse(localAddress), 0));

    public IPEndPoint Local => (IPEndPoint)_socket.Client.LocalEndPoint!;

    public string HostPort => $"{Local.Address}:{Local.Port}";

    /// <summary>Sends <paramref name="request"/> (lines joined with CRLF) and returns the first final response (>= 200).</summary>
    public async Task<string> SendAsync(int port, string request)
    {
        var bytes = Encoding.UTF8.GetBytes(request);
        await _socket.SendAsync(bytes, new IPEndPoint(IPAddress.Loopback, port));
        using var timeout = new CancellationTokenSource(Within);
        for (var i = 0; i < 20; i++)
        {
            var received = await _socket.ReceiveAsync(timeout.Token);
            var text = Encoding.UTF8.GetString(received.Buffer);
            if (Status(text) >= 200)
            {
                return text;
            }
        }
        throw new InvalidOperationException("no final response among 20 messages");
    }

    public static string Request(string firstLine, params string[] headers) =>
        string.Join("\r\n", [firstLine, .. headers, "Content-Length: 0", "", ""]);

    public static int Status(string response) =>
        response.StartsWith("SIP/2.0 ", StringComparison.Ordinal) ? int.Parse(response.AsSpan(8, 3)) : 0;

    /// <summary>Values of every header named <paramref name="name"/> in order.</summary>
    public static IReadOnlyList<string> Headers(string message, string name) =>
        [.. message.Split("\r\n").TakeWhile(l => l.Length > 0)
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim())];

    /// <summary>A digest parameter (quoted or not) of a challenge.</summary>
    public static string? Parameter(string challenge, string name)
    {
        var match = Regex.Match(challenge, $@"\b{name}=(""(?<v>[^""]*)""|(?<v>[^,\s]+))", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["v"].Value : null;
    }

    /// <summary>An RFC 7616 MD5 Authorization value for <paramref name="challenge"/> (qop=auth).</summary>
    public static string Md5Authorization(string challenge, string user, string password, string method, string uri)
    {
        var realm = Parameter(challenge, "realm")!;
        var nonce = Parameter(challenge, "nonce")!;
        var opaque = Parameter(challenge, "opaque");
        const string nc = "00000001";
        const string cnonce = "interop0cnonce";
        var ha1 = Md5($"{user}:{realm}:{password}");
        var ha2 = Md5($"{method}:{uri}");
        var response = Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        return $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm=MD5, qop=auth, nc={nc}, cnonce=\"{cnonce}\""
            + (opaque is null ? "" : $", opaque=\"{opaque}\"");
    }

    public void Dispose() => _socket.Dispose();

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
