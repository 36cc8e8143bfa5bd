namespace CallCluster.Host.Http;

/// <summary>
/// Body of POST /api/v1/home-calls: the household's mobile and local terminal (subscriber user names)
/// and the remote party (a user name, user@host, or a sip: URI).
/// </summary>
public sealed record HomeCallRequest(string Mobile, string LocalTerminal, string Remote)
{
    /// <summary>Null when usable, else a message for a 400.</summary>
    public string? Problem()
    {
        var problem = Provisioning.ResourceValidation.Name("mobile", Mobile)
            ?? Provisioning.ResourceValidation.Name("localTerminal", LocalTerminal)
            ?? Party("remote", Remote);
        if (problem is not null)
        {
            return problem;
        }
        if (string.Equals(Mobile, LocalTerminal, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Mobile, Remote, StringComparison.OrdinalIgnoreCase)
            || string.Equals(LocalTerminal, Remote, StringComparison.OrdinalIgnoreCase))
        {
            return "mobile, localTerminal and remote must be three different parties";
        }
        return null;
    }

    /// <summary>A user becomes sip:user@domain; a sip: or sips: URI or user@host is kept as a URI.</summary>
    public static CallCluster.Actors.Sessions.Party ToParty(string value, string domain)
    {
        var uri = value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
            ? value
            : value.Contains('@', StringComparison.Ordinal) ? $"sip:{value}" : $"sip:{value}@{domain}";
        return new CallCluster.Actors.Sessions.Party(uri);
    }

    private static string? Party(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{field} is empty";
        }
        if (value.Length > 256)
        {
            return $"{field} is longer than 256 characters";
        }
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"')
            {
                return $"{field} '{value}' contains a character not allowed in a user or SIP URI";
            }
        }
        return null;
    }
}
