using System.Diagnostics.CodeAnalysis;

namespace CallCluster.Sip.Message.Headers;

/// <summary>Answer-Mode / Priv-Answer-Mode: "Manual" or "Auto", optionally ";require" (RFC 5373).</summary>
public sealed record SipAnswerMode(string Mode, IReadOnlyList<SipParameter> Parameters)
{
    /// <summary>True for Auto.</summary>
    public bool IsAuto => Mode.Equals("Auto", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the require parameter is present.</summary>
    public bool IsRequired => Parameters.HasParameter("require");

    /// <summary>"Mode;params".</summary>
    public override string ToString() => Mode + SipParameterList.Format(Parameters);

    /// <summary>Value equality with parameters in order.</summary>
    public bool Equals(SipAnswerMode? other) => other is not null && Mode.Equals(other.Mode, StringComparison.OrdinalIgnoreCase) && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override int GetHashCode() => Mode.ToLowerInvariant().GetHashCode(StringComparison.Ordinal);

    /// <summary>Parses an answer-mode value; never throws.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipAnswerMode? value)
    {
        value = null;
        var s = new HeaderScanner(text);
        var parameters = new List<SipParameter>();
        if (!s.TryReadToken(out var mode) || !ParameterReader.TryRead(ref s, parameters) || !s.TryNextListElement(out var more) || more)
        {
            return false;
        }

        value = new SipAnswerMode(mode.ToString(), parameters);
        return true;
    }
}
