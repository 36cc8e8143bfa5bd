namespace CallCluster.Sip.Message.Headers;

/// <summary>Common parameter names, returned as shared strings instead of new ones.</summary>
internal static class ParameterNames
{
    private static readonly string[] Common =
        ["tag", "branch", "lr", "rport", "received", "transport", "expires", "q", "user", "maddr", "ttl", "method", "refresher", "purpose", "cause", "text", "boundary"];

    public static string Intern(ReadOnlySpan<char> name)
    {
        foreach (var c in Common)
        {
            if (name.SequenceEqual(c))
            {
                return c;
            }
        }

        return name.ToString();
    }
}
