using System.Buffers;
using System.Globalization;
using System.Text;

namespace CallCluster.Sip.Message;

/// <summary>Writes start line, header fields and body into fresh bytes and indexes them again.</summary>
internal sealed class SipMessageWriter
{
    private static readonly SipParserLimits BuildLimits = new(int.MaxValue, 4_096, 1 << 20);
    private readonly ArrayBufferWriter<byte> buffer = new(512);

    public SipMessageWriter StartLine(string line)
    {
        CheckText(line, nameof(line));
        Write(line);
        return Crlf();
    }

    public SipMessageWriter StartLine(ReadOnlySpan<byte> lineWithCrlf)
    {
        buffer.Write(lineWithCrlf);
        return this;
    }

    public SipMessageWriter Header(string name, string value)
    {
        if (!SipSyntax.IsToken(name))
        {
            throw new ArgumentException("header name must be a token: " + name, nameof(name));
        }

        CheckText(value, nameof(value));
        Write(name);
        Write(": ");
        Write(value);
        return Crlf();
    }

    public SipMessageWriter Header(SipHeaderId id, string value) => Header(SipHeaderNames.GetName(id), value);

    /// <summary>Copies header field <paramref name="index"/> of <paramref name="source"/> exactly as written.</summary>
    public SipMessageWriter Copy(SipMessage source, int index)
    {
        var e = source.Entries[index];
        buffer.Write(source.Raw.Span[e.NameStart..(e.ValueStart + e.ValueLength)]);
        return Crlf();
    }

    public SipMessageWriter ContentLength(int length) =>
        Header(SipHeaderId.ContentLength, length.ToString(CultureInfo.InvariantCulture));

    public SipMessage Finish(ReadOnlySpan<byte> body)
    {
        Crlf();
        buffer.Write(body);
        var bytes = buffer.WrittenSpan.ToArray();
        return SipParser.TryParseInPlace(bytes, BuildLimits, out var message, out var error)
            ? message!
            : throw new ArgumentException("the message parts do not form a valid SIP message: " + error);
    }

    private SipMessageWriter Crlf()
    {
        buffer.Write("\r\n"u8);
        return this;
    }

    private void Write(string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    // Values may not contain line breaks (folding is not written by this stack).
    private static void CheckText(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("line breaks are not allowed in header values or start lines", name);
        }
    }
}
