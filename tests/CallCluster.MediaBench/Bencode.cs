using System.Globalization;
using System.Text;

namespace CallCluster.MediaBench;

/// <summary>
/// Bencoding as the ng control protocol uses it: byte strings ("3:abc"), integers ("i42e"),
/// lists ("l...e") and dictionaries ("d...e", keys sorted). Strings decode as UTF-8 text
/// (SDP is ASCII). Decoding rejects malformed or truncated input with <see cref="FormatException"/>
/// and bounds nesting depth.
/// </summary>
public static class Bencode
{
    private const int MaxDepth = 32;

    /// <summary>Encodes strings, integers, lists of values and dictionaries with string keys.</summary>
    public static void Encode(object value, StringBuilder output)
    {
        switch (value)
        {
            case string text:
                output.Append(Encoding.UTF8.GetByteCount(text).ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
                break;
            case int or long:
                output.Append('i').Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).Append('e');
                break;
            case IReadOnlyDictionary<string, object> dictionary:
                output.Append('d');
                foreach (var key in dictionary.Keys.Order(StringComparer.Ordinal))
                {
                    Encode(key, output);
                    Encode(dictionary[key], output);
                }

                output.Append('e');
                break;
            case IEnumerable<object> list:
                output.Append('l');
                foreach (var item in list)
                {
                    Encode(item, output);
                }

                output.Append('e');
                break;
            default:
                throw new ArgumentException($"cannot bencode a {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>Encodes one value to a string (ASCII-safe for ng messages).</summary>
    public static string Encode(object value)
    {
        var output = new StringBuilder();
        Encode(value, output);
        return output.ToString();
    }

    /// <summary>Decodes exactly one value filling <paramref name="input"/>; throws <see cref="FormatException"/> otherwise.</summary>
    public static object Decode(ReadOnlySpan<byte> input)
    {
        int position = 0;
        var value = DecodeValue(input, ref position, 0);
        if (position != input.Length)
        {
            throw new FormatException($"bencode: {input.Length - position} trailing bytes after the value");
        }

        return value;
    }

    private static object DecodeValue(ReadOnlySpan<byte> input, ref int position, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException("bencode: nested too deeply");
        }

        if (position >= input.Length)
        {
            throw new FormatException("bencode: truncated input");
        }

        switch (input[position])
        {
            case (byte)'i':
                position++;
                return ReadInteger(input, ref position, (byte)'e');
            case (byte)'l':
                position++;
                var list = new List<object>();
                while (Peek(input, position) != 'e')
                {
                    list.Add(DecodeValue(input, ref position, depth + 1));
                }

                position++;
                return list;
            case (byte)'d':
                position++;
                var dictionary = new Dictionary<string, object>(StringComparer.Ordinal);
                while (Peek(input, position) != 'e')
                {
                    if (DecodeValue(input, ref position, depth + 1) is not string key)
                    {
                        throw new FormatException("bencode: dictionary key is not a string");
                    }

                    dictionary[key] = DecodeValue(input, ref position, depth + 1);
                }

                position++;
                return dictionary;
            case >= (byte)'0' and <= (byte)'9':
                long length = ReadInteger(input, ref position, (byte)':');
                if (length < 0 || length > input.Length - position)
                {
                    throw new FormatException($"bencode: string of {length} bytes overruns the input");
                }

                string text = Encoding.UTF8.GetString(input.Slice(position, (int)length));
                position += (int)length;
                return text;
            default:
                throw new FormatException($"bencode: unexpected byte 0x{input[position]:x2} at {position}");
        }
    }

    private static char Peek(ReadOnlySpan<byte> input, int position) =>
        position < input.Length ? (char)input[position] : throw new FormatException("bencode: list or dictionary not terminated");

    private static long ReadInteger(ReadOnlySpan<byte> input, ref int position, byte terminator)
    {
        int end = input[position..].IndexOf(terminator);
        if (end <= 0 || end > 20)
        {
            throw new FormatException("bencode: malformed integer");
        }

        var digits = input.Slice(position, end);
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw new FormatException("bencode: malformed integer");
        }

        position += end + 1;
        return value;
    }
}
