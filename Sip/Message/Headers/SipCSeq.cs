using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallCluster.Sip.Message.Headers;

/// <summary>CSeq: sequence number (below 2^31) and method (RFC 3261 20.16).</summary>
public sealed record SipCSeq(int Number, string Method)
{
    /// <summary>"number METHOD".</summary>
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method;

    /// <summary>Parses a CSeq value; never throws.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipCSeq? cseq)
    {
        cseq = null;
        var s = new HeaderScanner(text);
        s.SkipWs();
        var start = s.Position;
        while (char.IsAsciiDigit(s.Peek))
        {
            s.Position++;
        }

        if (!int.TryParse(s.Text[start..s.Position], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !s.TryReadToken(out var method))
        {
            return false;
        }

        s.SkipWs();
        cseq = s.End ? new SipCSeq(n, SipMethods.FromChars(method)) : null;
        return cseq is not null;
    }
}
