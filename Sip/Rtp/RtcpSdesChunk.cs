using System.Buffers.Binary;
using System.Text;

namespace CallCluster.Sip.Rtp;

/// <summary>One SDES item: type and UTF-8 text of at most 255 bytes.</summary>
public readonly record struct RtcpSdesItem(RtcpSdesItemType Type, string Text);

/// <summary>One SDES chunk: a source and its items (RFC 3550 section 6.5).</summary>
public sealed record RtcpSdesChunk(uint Ssrc, ValueList<RtcpSdesItem> Items)
{
    /// <summary>The CNAME item's text, or null.</summary>
    public string? CName
    {
        get
        {
            foreach (var item in Items)
            {
                if (item.Type == RtcpSdesItemType.CName)
                {
                    return item.Text;
                }
            }

            return null;
        }
    }

    /// <summary>Length on the wire: SSRC, items, the null item, padding to 32 bits.</summary>
    internal int GetWrittenLength()
    {
        int length = 4;
        foreach (var item in Items)
        {
            length += 2 + Encoding.UTF8.GetByteCount(item.Text);
        }

        return (length + 1 + 3) & ~3;
    }

    /// <summary>Writes into a zeroed span; false if an item's text is longer than 255 bytes.</summary>
    internal bool TryWrite(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        int offset = 4;
        foreach (var item in Items)
        {
            int length = Encoding.UTF8.GetByteCount(item.Text);
            if (length > 255 || item.Type == 0)
            {
                return false;
            }

            destination[offset] = (byte)item.Type;
            destination[offset + 1] = (byte)length;
            Encoding.UTF8.GetBytes(item.Text, destination[(offset + 2)..]);
            offset += 2 + length;
        }

        return true; // the null item and the padding are the zeroed tail
    }

    /// <summary>Reads a chunk at <paramref name="offset"/> (32-bit aligned) of <paramref name="body"/> and advances it.</summary>
    internal static RtcpSdesChunk? Read(ReadOnlySpan<byte> body, ref int offset)
    {
        if (body.Length - offset < 4)
        {
            return null;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(body[offset..]);
        int position = offset + 4;
        var items = new List<RtcpSdesItem>();
        while (true)
        {
            if (position >= body.Length)
            {
                return null; // no null item before the end
            }

            byte type = body[position];
            if (type == 0)
            {
                offset = Math.Min((position + 1 + 3) & ~3, body.Length);
                return new RtcpSdesChunk(ssrc, ValueList.From(items));
            }

            if (position + 2 > body.Length || position + 2 + body[position + 1] > body.Length)
            {
                return null;
            }

            int length = body[position + 1];
            items.Add(new RtcpSdesItem((RtcpSdesItemType)type, Encoding.UTF8.GetString(body.Slice(position + 2, length))));
            position += 2 + length;
        }
    }
}
