using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallCluster.Sip.Message.Headers;

/// <summary>One Contact value: "*" or a name-addr with expires and q (RFC 3261 20.10).</summary>
public sealed record SipContact(NameAddress? Address)
{
    /// <summary>The "*" contact of a REGISTER that removes every binding.</summary>
    public static SipContact Wildcard { get; } = new((NameAddress?)null);

    /// <summary>True for "*".</summary>
    public bool IsWildcard => Address is null;

    /// <summary>The contact URI (null for "*").</summary>
    public SipUri? Uri => Address?.Uri;

    /// <summary>The expires parameter, in seconds.</summary>
    public long? Expires => long.TryParse(Address?.Parameters.GetParameter("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : null;

    /// <summary>The q parameter (0 to 1).</summary>
    public double? Q => double.TryParse(Address?.Parameters.GetParameter("q"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? q : null;

    /// <summary>"*" or the name-addr.</summary>
    public override string ToString() => Address?.ToString() ?? "*";

    internal static bool TryRead(ref HeaderScanner s, [NotNullWhen(true)] out SipContact? contact)
    {
        contact = null;
        s.SkipWs();
        if (s.Peek == '*')
        {
            s.Position++;
            contact = Wildcard;
            return true;
        }

        if (!NameAddress.TryRead(ref s, out var address))
        {
            return false;
        }

        var expires = address.Parameters.GetParameter("expires");
        var q = address.Parameters.GetParameter("q");
        if ((address.Parameters.HasParameter("expires") && !uint.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            || (address.Parameters.HasParameter("q") && !IsQValue(q)))
        {
            return false;
        }

        contact = new SipContact(address);
        return true;
    }

    // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    private static bool IsQValue(string? q) =>
        q is not null && q.Length is >= 1 and <= 5 && (q[0] is '0' or '1') && (q.Length == 1 || (q[1] == '.' && q[2..].All(char.IsAsciiDigit)))
        && double.TryParse(q, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v <= 1;
}
