using System.Net;
using System.Net.Sockets;

namespace CallCluster.Sip.Message;

/// <summary>host = hostname / IPv4address / IPv6reference (RFC 3261 25.1, RFC 5118).</summary>
public static class HostSyntax
{
    /// <summary>True for a hostname, an IPv4 address or a bracketed IPv6 reference.</summary>
    public static bool IsValidHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty)
        {
            return false;
        }

        if (host[0] == '[')
        {
            return host.Length > 2 && host[^1] == ']' && IsIPv6(host[1..^1]);
        }

        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_'))
            {
                return false;
            }
        }

        return host[0] != '.' && host[0] != '-';
    }

    /// <summary>True for a textual IPv6 address without brackets or zone.</summary>
    public static bool IsIPv6(ReadOnlySpan<char> text) =>
        text.IndexOf('%') < 0 && text.IndexOf(':') >= 0 && text.IndexOf(":::") < 0
        && IPAddress.TryParse(text, out var a) && a.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>True for a dotted IPv4 address.</summary>
    public static bool IsIPv4(ReadOnlySpan<char> text)
    {
        var parts = 0;
        var digits = 0;
        var value = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0)
                {
                    return false;
                }

                parts++;
                digits = 0;
                value = 0;
                continue;
            }

            if (!char.IsAsciiDigit(c) || ++digits > 3)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
            if (value > 255)
            {
                return false;
            }
        }

        return parts == 3 && digits > 0;
    }

    /// <summary>An IP address as received in Via "received" or "maddr": IPv4, IPv6 with or without brackets.</summary>
    public static bool IsIPAddress(ReadOnlySpan<char> text) =>
        IsIPv4(text) || (text.Length > 2 && text[0] == '[' && text[^1] == ']' ? IsIPv6(text[1..^1]) : IsIPv6(text));
}
