namespace CallCluster.Sip.Message.Headers;

/// <summary>Reads *( SEMI generic-param ) where generic-param = token [ EQUAL gen-value ].</summary>
internal static class ParameterReader
{
    public static bool TryRead(ref HeaderScanner s, List<SipParameter> into)
    {
        while (s.TryConsume(';'))
        {
            if (!s.TryReadToken(out var name))
            {
                return false;
            }

            var nameText = ParameterNames.Intern(name);
            if (!s.TryConsume('='))
            {
                into.Add(new SipParameter(nameText, null));
                continue;
            }

            s.SkipWs();
            if (s.Peek == '"')
            {
                if (!s.TryReadQuoted(out var quoted))
                {
                    return false;
                }

                into.Add(new SipParameter(nameText, quoted, true));
                continue;
            }

            var start = s.Position;
            while (!s.End && (SipSyntax.IsTokenChar(s.Peek) || s.Peek is ':' or '[' or ']'))
            {
                s.Position++;
            }

            if (s.Position == start)
            {
                return false;
            }

            into.Add(new SipParameter(nameText, s.Text[start..s.Position].ToString()));
        }

        return true;
    }
}
