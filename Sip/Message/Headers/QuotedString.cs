using System.Text;

namespace CallCluster.Sip.Message.Headers;

/// <summary>quoted-string helpers (RFC 3261 25.1).</summary>
public static class QuotedString
{
    /// <summary>Wraps <paramref name="value"/> in double quotes, escaping '"' and '\'.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return sb.Append('"').ToString();
    }
}
