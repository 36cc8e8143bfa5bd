using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallCluster.Sip.Message.Headers;

/// <summary>Session-Expires: delta-seconds and refresher (RFC 4028 section 4).</summary>
public sealed record SipSessionExpires(long DeltaSeconds, IReadOnlyList<SipParameter> Parameters)
{
    /// <summary>"uac", "uas" or null.</summary>
    public string? Refresher => Parameters.GetParameter("refresher");

    /// <summary>"delta;params".</summary>
    public override string ToString() => DeltaSeconds.ToString(CultureInfo.InvariantCulture) + SipParameterList.Format(Parameters);

    /// <summary>Value equality with parameters in order.</summary>
    public bool Equals(SipSessionExpires? other) => other is not null && DeltaSeconds == other.DeltaSeconds && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode() => DeltaSeconds.GetHashCode();

    /// <summary>Parses a Session-Expires value; never throws.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipSessionExpires? value)
    {
        value = null;
        var s = new HeaderScanner(text);
        if (!SipDeltaSeconds.TryRead(ref s, out var delta))
        {
            return false;
        }

        var parameters = new List<SipParameter>();
        if (!ParameterReader.TryRead(ref s, parameters) || !s.TryNextListElement(out var more) || more)
        {
            return false;
        }

        value = new SipSessionExpires(delta, parameters);
        return true;
    }
}

/// <summary>delta-seconds = 1*DIGIT, limited to 2^32-1.</summary>
public static class SipDeltaSeconds
{
    /// <summary>Parses a whole value of delta-seconds (surrounding whitespace allowed).</summary>
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        if (text is null)
        {
            return false;
        }

        var s = new HeaderScanner(text);
        if (!TryRead(ref s, out value))
        {
            return false;
        }

        s.SkipWs();
        return s.End;
    }

    internal static bool TryRead(ref HeaderScanner s, out long value)
    {
        s.SkipWs();
        var start = s.Position;
        while (char.IsAsciiDigit(s.Peek))
        {
            s.Position++;
        }

        var digits = s.Text[start..s.Position];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && digits.Length <= 10 && value <= uint.MaxValue;
    }
}
