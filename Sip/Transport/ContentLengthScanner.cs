using System.Buffers;

namespace CallCluster.Sip.Transport;

/// <summary>
/// Finds Content-Length (or its compact form "l") in a header section, with case-insensitive
/// names, whitespace before the colon and folded values. Repeated headers must agree.
/// </summary>
internal static class ContentLengthScanner
{
    private const int MaxDigits = 9;

    public static SipFrameError Find(in ReadOnlySequence<byte> headers, out long length)
    {
        length = -1;
        if (headers.IsSingleSegment) return Scan(headers.FirstSpan, out length);
        var size = (int)headers.Length;
        byte[]? rented = null;
        Span<byte> bytes = size <= 2048 ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            headers.CopyTo(bytes);
            return Scan(bytes, out length);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static SipFrameError Scan(ReadOnlySpan<byte> section, out long length)
    {
        length = -1;
        var first = section.IndexOf("\r\n"u8);
        if (first < 0) return SipFrameError.MissingContentLength;
        var rest = section[(first + 2)..];
        Span<byte> digits = stackalloc byte[MaxDigits + 1];
        while (!rest.IsEmpty)
        {
            var end = LineEnd(rest);
            var line = rest[..end];
            rest = end + 2 <= rest.Length ? rest[(end + 2)..] : [];
            if (!IsContentLength(line, out var value)) continue;

            var count = 0;
            if (!Collect(value, digits, ref count)) return SipFrameError.BadContentLength;
            while (!rest.IsEmpty && rest[0] is (byte)' ' or (byte)'\t')
            {
                end = LineEnd(rest);
                if (!Collect(rest[..end], digits, ref count)) return SipFrameError.BadContentLength;
                rest = end + 2 <= rest.Length ? rest[(end + 2)..] : [];
            }
            if (count == 0) return SipFrameError.BadContentLength;
            long parsed = 0;
            foreach (var d in digits[..count]) parsed = (parsed * 10) + (d - '0');
            if (length >= 0 && length != parsed) return SipFrameError.BadContentLength;
            length = parsed;
        }
        return length < 0 ? SipFrameError.MissingContentLength : SipFrameError.None;
    }

    private static int LineEnd(ReadOnlySpan<byte> s)
    {
        var i = s.IndexOf("\r\n"u8);
        return i < 0 ? s.Length : i;
    }

    private static bool IsContentLength(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> value)
    {
        value = default;
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) return false;
        var name = line[..colon].TrimEnd(" \t"u8);
        if (!(name.Length == 1 && (name[0] | 0x20) == 'l') && !AsciiEqualsIgnoreCase(name, "content-length"u8)) return false;
        value = line[(colon + 1)..];
        return true;
    }

    /// <summary>Appends the digits of <paramref name="part"/>; false on anything but digits and whitespace, or too many digits.</summary>
    private static bool Collect(ReadOnlySpan<byte> part, Span<byte> digits, ref int count)
    {
        var trimmed = part.Trim(" \t"u8);
        if (trimmed.IsEmpty) return true;
        if (count > 0) return false;
        foreach (var b in trimmed)
        {
            if (b is < (byte)'0' or > (byte)'9' || count == MaxDigits) return false;
            digits[count++] = b;
        }
        return true;
    }

    private static bool AsciiEqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> lower)
    {
        if (a.Length != lower.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if ((a[i] | 0x20) != lower[i]) return false;
        }
        return true;
    }
}
