using System.Globalization;
using System.Net;

namespace CallCluster.Host.Configuration;

/// <summary>Parsers for single setting values; each throws <see cref="SettingsException"/> naming the key.</summary>
internal static class SettingParsers
{
    public static SipListenAddress SipListen(string key, string value)
    {
        var parts = value.Split(':', 2);
        if (parts.Length == 2
            && (parts[0].Equals("udp", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("tcp", StringComparison.OrdinalIgnoreCase))
            && IPEndPoint.TryParse(parts[1], out var endPoint)
            && HasExplicitPort(parts[1])
            && endPoint.Port is > 0 and <= 65535
            && IsStrictAddress(parts[1], endPoint))
        {
            return new SipListenAddress(parts[0].ToLowerInvariant(), endPoint);
        }
        throw new SettingsException($"{key}: '{value}' is not udp:IP:PORT or tcp:IP:PORT");
    }

    public static int Port(string key, string value, bool allowZero)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port <= 65535 && (port > 0 || allowZero))
        {
            return port;
        }
        var range = allowZero ? "0 to 65535" : "1 to 65535";
        throw new SettingsException($"{key}: '{value}' is not a port number ({range})");
    }

    public static int Priority(string key, string value) =>
        IntInRange(key, value, 0, 99, "a real-time priority (0 to 99, 0 = off)");

    public static int Seconds(string key, string value, int min, int max) =>
        IntInRange(key, value, min, max, $"a number of seconds ({min} to {max})");

    public static int Milliseconds(string key, string value, int min, int max) =>
        IntInRange(key, value, min, max, $"a number of milliseconds ({min} to {max})");

    public static bool Boolean(string key, string value)
    {
        if (bool.TryParse(value.Trim(), out var flag))
        {
            return flag;
        }
        throw new SettingsException($"{key}: '{value}' is not true or false");
    }

    public static Uri HttpUrl(string key, string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.Scheme == "http"
            && !string.IsNullOrEmpty(uri.Host)
            && HasExplicitPort(uri.Authority)
            && (uri.AbsolutePath == "/" || uri.AbsolutePath.Length == 0)
            && uri.Query.Length == 0)
        {
            return uri;
        }
        throw new SettingsException($"{key}: '{value}' is not an http://HOST:PORT address");
    }

    public static string HostName(string key, string value)
    {
        if (Uri.CheckHostName(value) != UriHostNameType.Unknown)
        {
            return value;
        }
        throw new SettingsException($"{key}: '{value}' is not a host name or IP address");
    }

    /// <summary>host or host:port (IPv6 in brackets when a port is given).</summary>
    public static string HostAndOptionalPort(string key, string value)
    {
        if (Uri.CheckHostName(value) != UriHostNameType.Unknown)
        {
            return value;
        }
        var colon = value.LastIndexOf(':');
        if (colon > 0
            && Uri.CheckHostName(value[..colon].Trim('[', ']')) != UriHostNameType.Unknown
            && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535)
        {
            return value;
        }
        throw new SettingsException($"{key}: '{value}' is not HOST or HOST:PORT");
    }

    public static (int Min, int Max) PortRange(string key, string value)
    {
        var parts = value.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min is >= 1024 and <= 65535 && max is >= 1024 and <= 65535)
        {
            if (max - min < 1)
            {
                throw new SettingsException($"{key}: '{value}' must hold at least two ports (an RTP and RTCP pair)");
            }
            return (min, max);
        }
        throw new SettingsException($"{key}: '{value}' is not a port range FIRST-LAST within 1024-65535");
    }

    public static string OneOf(string key, string value, params string[] allowed)
    {
        foreach (var candidate in allowed)
        {
            if (candidate.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }
        throw new SettingsException($"{key}: '{value}' is not one of {string.Join(", ", allowed)}");
    }

    private static bool HasExplicitPort(string authority)
    {
        var colon = authority.LastIndexOf(':');
        var bracket = authority.LastIndexOf(']');
        return colon > bracket && colon < authority.Length - 1;
    }

    private static bool IsStrictAddress(string text, IPEndPoint endPoint)
    {
        // IPAddress.Parse accepts shorthand such as "1.2.3" (= 1.2.0.3); require four dotted parts for IPv4.
        if (endPoint.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return true;
        }
        var host = text[..text.LastIndexOf(':')];
        return host.Split('.').Length == 4;
    }

    private static int IntInRange(string key, string value, int min, int max, string what)
    {
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        throw new SettingsException($"{key}: '{value}' is not {what}");
    }
}
