using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallCluster.MediaBench;

/// <summary>
/// Client of rtpengine's ng control protocol: each request is "cookie bencoded-dict" in one UDP
/// datagram and the reply echoes the cookie. Retries a request a few times when no reply comes;
/// a reply with result other than "ok" becomes an <see cref="InvalidOperationException"/> naming the error.
/// </summary>
public sealed class NgClient : IDisposable
{
    private const int Attempts = 3;
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly EndPoint server;
    private readonly byte[] buffer = new byte[65536];
    private long nextCookie;

    public NgClient(IPEndPoint server)
    {
        this.server = server;
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.ReceiveTimeout = 2000;
    }

    /// <summary>Sends one command and returns the decoded reply dictionary (result "ok").</summary>
    public IReadOnlyDictionary<string, object> Request(IReadOnlyDictionary<string, object> command)
    {
        string cookie = $"mb{Environment.ProcessId}_{++nextCookie}";
        byte[] request = Encoding.UTF8.GetBytes(cookie + " " + Bencode.Encode(command));
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            socket.SendTo(request, server);
            var deadline = DateTime.UtcNow.AddSeconds(2);
            while (DateTime.UtcNow < deadline)
            {
                int length;
                try
                {
                    length = socket.Receive(buffer);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.ConnectionRefused or SocketError.ConnectionReset)
                {
                    break;
                }

                if (ParseReply(buffer.AsSpan(0, length), cookie) is { } reply)
                {
                    return reply;
                }
            }
        }

        throw new InvalidOperationException($"rtpengine at {server} did not answer '{command.GetValueOrDefault("command")}' after {Attempts} attempts");
    }

    public void Dispose() => socket.Dispose();

    /// <summary>The reply's dictionary when it carries <paramref name="cookie"/>; null for a stale reply to an earlier cookie.</summary>
    public static IReadOnlyDictionary<string, object>? ParseReply(ReadOnlySpan<byte> datagram, string cookie)
    {
        int space = datagram.IndexOf((byte)' ');
        if (space <= 0)
        {
            throw new FormatException("ng reply without a cookie");
        }

        if (Encoding.ASCII.GetString(datagram[..space]) != cookie)
        {
            return null;
        }

        if (Bencode.Decode(datagram[(space + 1)..]) is not IReadOnlyDictionary<string, object> reply)
        {
            throw new FormatException("ng reply is not a dictionary");
        }

        string result = reply.GetValueOrDefault("result") as string ?? "(missing)";
        if (result != "ok")
        {
            string reason = reply.GetValueOrDefault("error-reason") as string ?? "no reason given";
            throw new InvalidOperationException($"rtpengine replied result '{result}': {reason}");
        }

        return reply;
    }
}
