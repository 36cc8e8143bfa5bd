namespace CallCluster.Sip.Message.Headers;

/// <summary>One ";name=value" parameter. <see cref="Value"/> is null for a parameter without "=";
/// a quoted value is kept unquoted and unescaped with <see cref="Quoted"/> set.</summary>
public readonly record struct SipParameter(string Name, string? Value, bool Quoted = false)
{
    /// <summary>The parameter as written on the wire (";" not included).</summary>
    public override string ToString() => Value is null ? Name
        : Quoted ? Name + "=" + QuotedString.Quote(Value) : Name + "=" + Value;
}

/// <summary>Look-ups over parameter lists (names compare case-insensitively).</summary>
public static class SipParameterList
{
    /// <summary>The value of the first parameter named <paramref name="name"/>; null when absent or valueless.</summary>
    public static string? GetParameter(this IReadOnlyList<SipParameter> list, string name)
    {
        foreach (var p in list)
        {
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    /// <summary>True when a parameter named <paramref name="name"/> is present (with or without a value).</summary>
    public static bool HasParameter(this IReadOnlyList<SipParameter> list, string name)
    {
        foreach (var p in list)
        {
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/> (replacing any former value).</summary>
    public static IReadOnlyList<SipParameter> WithParameter(this IReadOnlyList<SipParameter> list, string name, string? value)
    {
        var result = new List<SipParameter>(list.Count + 1);
        var replaced = false;
        foreach (var p in list)
        {
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                if (!replaced)
                {
                    result.Add(new SipParameter(name, value, value is not null && !SipSyntax.IsToken(value) && !IsHostLike(value)));
                    replaced = true;
                }
            }
            else
            {
                result.Add(p);
            }
        }

        if (!replaced)
        {
            result.Add(new SipParameter(name, value, value is not null && !SipSyntax.IsToken(value) && !IsHostLike(value)));
        }

        return result;
    }

    /// <summary>A copy without parameters named <paramref name="name"/>.</summary>
    public static IReadOnlyList<SipParameter> WithoutParameter(this IReadOnlyList<SipParameter> list, string name) =>
        list.Where(p => !p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Writes ";name=value" for each parameter.</summary>
    public static string Format(IReadOnlyList<SipParameter> list)
    {
        if (list.Count == 0)
        {
            return string.Empty;
        }

        var sb = new System.Text.StringBuilder();
        foreach (var p in list)
        {
            sb.Append(';').Append(p.ToString());
        }

        return sb.ToString();
    }

    internal static bool IsHostLike(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!SipSyntax.IsTokenChar(c) && c is not (':' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }
}
