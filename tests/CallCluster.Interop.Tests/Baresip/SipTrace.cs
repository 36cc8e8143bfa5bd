using System.Text.RegularExpressions;

namespace CallCluster.Interop.Tests.Baresip;

/// <summary>
/// Reads baresip's SIP trace (<c>baresip -s</c>): each message follows a line
/// <c>UDP a.b.c.d:p -&gt; e.f.g.h:q</c>; the message's header section ends at the first empty line.
/// </summary>
public static class SipTrace
{
    private static readonly Regex Transport = new(@"^(?:\x1B\[[0-9;]*m)?(?:UDP|TCP|TLS) \S+ -> [\d.]+:(?<port>\d+)\s*$", RegexOptions.Compiled);

    /// <summary>Header sections of the <paramref name="method"/> requests sent to port <paramref name="localPort"/>, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Received(string trace, int localPort, string method)
    {
        var lines = trace.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var found = new List<IReadOnlyList<string>>();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var transport = Transport.Match(lines[i]);
            if (!transport.Success || transport.Groups["port"].Value != $"{localPort}" || !lines[i + 1].StartsWith(method + " ", StringComparison.Ordinal))
            {
                continue;
            }
            found.Add([.. lines.Skip(i + 1).TakeWhile(l => l.Length > 0).Take(200)]);
        }
        return found;
    }

    /// <summary>Values of the header <paramref name="name"/> in a header section.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> message, string name) =>
        [.. message.Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(l => l[(name.Length + 1)..].Trim())];
}
