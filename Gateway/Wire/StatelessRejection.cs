using System.Text;

namespace CallCluster.Gateway.Wire;

/// <summary>
/// The 400-class answer to bytes that did not parse: the header lines a response must echo (Via,
/// From, To, Call-ID, CSeq) are taken from the raw text when they are present and printable, so
/// the sender can match the answer. Nothing is sent for responses, for input that does not look
/// like a request, or when the echo headers are missing.
/// </summary>
public static class StatelessRejection
{
    private const int MaxScan = 8192;

    public static byte[]? Build(ReadOnlySpan<byte> data, int status, string reason)
    {
        var text = Encoding.ASCII.GetString(data[..Math.Min(data.Length, MaxScan)]);
        var lines = text.Split("\r\n");
        if (lines.Length < 2 || lines[0].StartsWith("SIP/", StringComparison.OrdinalIgnoreCase) || !lines[0].Contains(" sip", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var echo = new List<string>();
        bool via = false, callId = false, cseq = false;
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0 || line.Length > 1024 || line.Any(c => c < 0x20 || c > 0x7e))
            {
                continue;
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            switch (name)
            {
                case "via" or "v": via = true; echo.Add(line); break;
                case "call-id" or "i": callId = true; echo.Add(line); break;
                case "cseq": cseq = true; echo.Add(line); break;
                case "from" or "f" or "to" or "t": echo.Add(line); break;
            }
        }

        if (!via || !callId || !cseq)
        {
            return null;
        }

        var sb = new StringBuilder();
        sb.Append("SIP/2.0 ").Append(status).Append(' ').Append(reason).Append("\r\n");
        foreach (var line in echo)
        {
            sb.Append(line).Append("\r\n");
        }

        sb.Append("Content-Length: 0\r\n\r\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
