namespace CallCluster.Host.Provisioning;

/// <summary>Shape checks on resources before they reach the directory; null when valid, else a message.</summary>
public static class ResourceValidation
{
    public static readonly IReadOnlyList<string> Kinds = ["mobile", "local-terminal", "other"];

    public static string? Check(SubscriberResource s) =>
        Name("user", s.User)
        ?? (Kinds.Contains(s.Kind) ? null : $"kind '{s.Kind}' is not one of {string.Join(", ", Kinds)}")
        ?? (s.Password is { Length: 0 } ? "password is empty (omit it for a subscriber without credentials)" : null);

    public static string? Check(HouseholdResource h) =>
        Name("id", h.Id) ?? Names("mobiles", h.Mobiles) ?? Names("localTerminals", h.LocalTerminals);

    public static string? Check(TrunkResource t) =>
        Name("name", t.Name)
        ?? (string.IsNullOrWhiteSpace(t.Address) ? "address is empty" : null)
        ?? Names("trustedSources", t.TrustedSources)
        ?? Names("prefixes", t.Prefixes, allowEmptyList: true)
        ?? (t.Media is null or "anchor" or "bypass" ? null : $"media '{t.Media}' is not one of anchor, bypass");

    /// <summary>The directory's form of a valid trunk resource.</summary>
    public static Actors.Directory.TrunkSpec ToSpec(TrunkResource t) =>
        new(t.Name, t.Address, t.TrustedSources, t.Prefixes, t.Media == "bypass" ? Actors.Directory.TrunkMedia.Bypass : Actors.Directory.TrunkMedia.Anchor);

    /// <summary>Identifiers used in URLs: 1-128 characters, no whitespace, '/', '@' or ':'.</summary>
    public static string? Name(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field} is empty";
        }
        if (value.Length > 128)
        {
            return $"{field} is longer than 128 characters";
        }
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '@' or ':' or '?' or '#')
            {
                return $"{field} '{value}' contains '{c}'";
            }
        }
        return null;
    }

    private static string? Names(string field, IReadOnlyList<string>? values, bool allowEmptyList = false)
    {
        if (values is null || (!allowEmptyList && values.Count == 0))
        {
            return $"{field} is empty";
        }
        if (values.Count > 1000)
        {
            return $"{field} has more than 1000 entries";
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                return $"{field}[{i}] is empty";
            }
        }
        return null;
    }
}
