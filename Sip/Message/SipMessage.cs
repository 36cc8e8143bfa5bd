using System.Buffers;
using System.Text;

namespace CallCluster.Sip.Message;

/// <summary>
/// An immutable SIP message: the bytes as received (or as built) and an index of its header fields.
/// Text and typed values are produced only when asked for and cached.
/// </summary>
public abstract partial class SipMessage
{
    private readonly HeaderEntry[] headers;

    private protected SipMessage(ReadOnlyMemory<byte> raw, HeaderEntry[] headers, StartLineLayout startLine, int bodyStart)
    {
        Raw = raw;
        this.headers = headers;
        StartLine = startLine;
        BodyStart = bodyStart;
    }

    /// <summary>The whole message: start line, headers, empty line and body.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>Length of the message in bytes.</summary>
    public int Length => Raw.Length;

    /// <summary>The body, byte-exact.</summary>
    public ReadOnlyMemory<byte> Body => Raw[BodyStart..];

    /// <summary>True for requests.</summary>
    public abstract bool IsRequest { get; }

    /// <summary>Number of header fields (each line counts once, however many comma-separated values it holds).</summary>
    public int HeaderCount => headers.Length;

    /// <summary>All header fields in order.</summary>
    public IEnumerable<SipHeaderField> Headers
    {
        get
        {
            for (var i = 0; i < headers.Length; i++)
            {
                yield return GetHeader(i);
            }
        }
    }

    private protected StartLineLayout StartLine { get; }

    private protected int BodyStart { get; }

    /// <summary>The header field at <paramref name="index"/> (0 to <see cref="HeaderCount"/> - 1).</summary>
    public SipHeaderField GetHeader(int index)
    {
        var e = headers[index];
        return new SipHeaderField(Encoding.ASCII.GetString(Raw.Span.Slice(e.NameStart, e.NameLength)), ValueText(e));
    }

    /// <summary>The known id of the header at <paramref name="index"/>.</summary>
    public SipHeaderId GetHeaderId(int index) => headers[index].Id;

    /// <summary>The raw value bytes of the header at <paramref name="index"/> (folding not removed).</summary>
    public ReadOnlySpan<byte> GetHeaderValueBytes(int index)
    {
        var e = headers[index];
        return Raw.Span.Slice(e.ValueStart, e.ValueLength);
    }

    /// <summary>True when a header of that name (long or compact form, any case) is present.</summary>
    public bool HasHeader(string name) => IndexOf(name, 0) >= 0;

    /// <summary>True when a header with that id is present.</summary>
    public bool HasHeader(SipHeaderId id) => IndexOf(id, 0) >= 0;

    /// <summary>The value of the first header of that name, or null.</summary>
    public string? GetHeaderValue(string name)
    {
        var i = IndexOf(name, 0);
        return i < 0 ? null : ValueText(headers[i]);
    }

    /// <summary>The value of the first header with that id, or null.</summary>
    public string? GetHeaderValue(SipHeaderId id)
    {
        var i = IndexOf(id, 0);
        return i < 0 ? null : ValueText(headers[i]);
    }

    /// <summary>The values of every header of that name, in order (one entry per header line).</summary>
    public IReadOnlyList<string> GetHeaderValues(string name)
    {
        var id = SipHeaderNames.Lookup(name.AsSpan());
        var list = new List<string>();
        for (var i = 0; i < headers.Length; i++)
        {
            if (Matches(i, id, name))
            {
                list.Add(ValueText(headers[i]));
            }
        }

        return list;
    }

    /// <summary>The values of every header with that id, in order.</summary>
    public IReadOnlyList<string> GetHeaderValues(SipHeaderId id)
    {
        if (id == SipHeaderId.Unknown)
        {
            return [];
        }

        List<string>? list = null;
        foreach (var e in headers)
        {
            if (e.Id == id)
            {
                (list ??= new List<string>(2)).Add(ValueText(e));
            }
        }

        return list ?? (IReadOnlyList<string>)[];
    }

    /// <summary>A copy of the message bytes.</summary>
    public byte[] ToBytes() => Raw.ToArray();

    /// <summary>Writes the message bytes.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Raw.Span);
    }

    /// <summary>The message as text (UTF-8).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Raw.Span);

    internal HeaderEntry[] Entries => headers;

    internal int IndexOf(SipHeaderId id, int from)
    {
        for (var i = from; i < headers.Length; i++)
        {
            if (headers[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    internal int IndexOf(string name, int from)
    {
        var id = SipHeaderNames.Lookup(name.AsSpan());
        for (var i = from; i < headers.Length; i++)
        {
            if (Matches(i, id, name))
            {
                return i;
            }
        }

        return -1;
    }

    internal bool Matches(int index, SipHeaderId id, string name)
    {
        var e = headers[index];
        return id != SipHeaderId.Unknown
            ? e.Id == id
            : e.Id == SipHeaderId.Unknown && e.NameLength == name.Length
              && Ascii.EqualsIgnoreCase(Raw.Span.Slice(e.NameStart, e.NameLength), name);
    }

    internal string ValueText(in HeaderEntry e)
    {
        var value = Raw.Span.Slice(e.ValueStart, e.ValueLength);
        return e.Folded ? Unfold(value) : Encoding.UTF8.GetString(value);
    }

    // Replaces each CRLF followed by whitespace (and the whitespace) with one space.
    private static string Unfold(ReadOnlySpan<byte> value)
    {
        var buffer = new byte[value.Length];
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                while (n > 0 && buffer[n - 1] is (byte)' ' or (byte)'\t')
                {
                    n--;
                }

                buffer[n++] = (byte)' ';
                i += 2;
                while (i < value.Length && value[i] is (byte)' ' or (byte)'\t')
                {
                    i++;
                }

                i--;
                continue;
            }

            buffer[n++] = value[i];
        }

        return Encoding.UTF8.GetString(buffer, 0, n);
    }
}
