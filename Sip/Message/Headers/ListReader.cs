namespace CallCluster.Sip.Message.Headers;

/// <summary>Reads comma-separated lists of header values, across every header line of one name.</summary>
internal static class ListReader
{
    public delegate bool ElementReader<T>(ref HeaderScanner s, out T? value);

    /// <summary>Reads every element of every line; false when any element is malformed (the good ones are kept).</summary>
    public static bool TryReadAll<T>(IReadOnlyList<string> lines, ElementReader<T> read, List<T> into, bool allowEmpty = false)
    {
        foreach (var line in lines)
        {
            var s = new HeaderScanner(line);
            s.SkipWs();
            if (s.End && allowEmpty)
            {
                continue;
            }

            bool more;
            do
            {
                if (!read(ref s, out var item) || item is null)
                {
                    return false;
                }

                into.Add(item);
                if (!s.TryNextListElement(out more))
                {
                    return false;
                }
            }
            while (more);
        }

        return true;
    }

    /// <summary>Reads a token element (option tags, methods).</summary>
    public static bool ReadToken(ref HeaderScanner s, out string? value)
    {
        value = s.TryReadToken(out var t) ? t.ToString() : null;
        return value is not null;
    }
}
