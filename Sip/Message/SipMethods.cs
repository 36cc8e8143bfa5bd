using System.Text;

namespace CallCluster.Sip.Message;

/// <summary>Method names (RFC 3261 and extensions), compared case-sensitively.</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Prack = "PRACK";
    public const string Subscribe = "SUBSCRIBE";
    public const string Notify = "NOTIFY";
    public const string Publish = "PUBLISH";
    public const string Info = "INFO";
    public const string Refer = "REFER";
    public const string MessageMethod = "MESSAGE";
    public const string Update = "UPDATE";

    private static readonly string[] Known = [Invite, Ack, Bye, Cancel, Options, Register, Prack, Subscribe, Notify, Publish, Info, Refer, MessageMethod, Update];

    /// <summary>The method text; the known names are returned without allocating.</summary>
    public static string FromChars(ReadOnlySpan<char> chars)
    {
        foreach (var k in Known)
        {
            if (chars.SequenceEqual(k))
            {
                return k;
            }
        }

        return chars.ToString();
    }

    /// <summary>The method text; the known names are returned without allocating.</summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var k in Known)
        {
            if (bytes.Length == k.Length && Ascii.Equals(bytes, k))
            {
                return k;
            }
        }

        return Encoding.ASCII.GetString(bytes);
    }
}
