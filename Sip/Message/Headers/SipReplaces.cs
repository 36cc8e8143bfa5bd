using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallCluster.Sip.Message.Headers;

/// <summary>Replaces: callid ;to-tag ;from-tag [;early-only] (RFC 3891 section 6.1).</summary>
public sealed record SipReplaces(string CallId, string ToTag, string FromTag, bool EarlyOnly = false)
{
    /// <summary>"callid;to-tag=..;from-tag=..[;early-only]".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(CallId).Append(";to-tag=").Append(ToTag).Append(";from-tag=").Append(FromTag);
        return (EarlyOnly ? sb.Append(";early-only") : sb).ToString();
    }

    /// <summary>Parses a Replaces value (also the unescaped value of a Refer-To URI header); never throws.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SipReplaces? value)
    {
        value = null;
        var s = new HeaderScanner(text);
        s.SkipWs();
        var callId = s.ReadUntilAny("; \t");
        var parameters = new List<SipParameter>();
        if (callId.IsEmpty || !ParameterReader.TryRead(ref s, parameters) || !s.TryNextListElement(out var more) || more)
        {
            return false;
        }

        var to = parameters.GetParameter("to-tag");
        var from = parameters.GetParameter("from-tag");
        if (to is null || from is null)
        {
            return false;
        }

        value = new SipReplaces(callId.ToString(), to, from, parameters.HasParameter("early-only"));
        return true;
    }
}
