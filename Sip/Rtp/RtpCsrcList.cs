using System.Runtime.CompilerServices;

namespace CallCluster.Sip.Rtp;

/// <summary>The contributing source identifiers of an RTP header (0 to 15), stored inline so reading allocates nothing.</summary>
public readonly struct RtpCsrcList : IEquatable<RtpCsrcList>
{
    /// <summary>The most CSRC identifiers a header can carry (4-bit CC field).</summary>
    public const int MaxCount = 15;

    private readonly CsrcBuffer _items;

    private RtpCsrcList(CsrcBuffer items, int count)
    {
        _items = items;
        Count = count;
    }

    /// <summary>Number of identifiers.</summary>
    public int Count { get; }

    /// <summary>The identifier at <paramref name="index"/>.</summary>
    public uint this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _items[index];
        }
    }

    /// <summary>Creates a list from identifiers; throws if more than <see cref="MaxCount"/>.</summary>
    public static RtpCsrcList Create(ReadOnlySpan<uint> csrcs)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(csrcs.Length, MaxCount, nameof(csrcs));
        var items = default(CsrcBuffer);
        csrcs.CopyTo(items);
        return new RtpCsrcList(items, csrcs.Length);
    }

    /// <summary>Copies the identifiers to <paramref name="destination"/>; returns how many were copied.</summary>
    public int CopyTo(Span<uint> destination)
    {
        int count = Math.Min(Count, destination.Length);
        ReadOnlySpan<uint> items = _items;
        items[..count].CopyTo(destination);
        return count;
    }

    /// <summary>The identifiers as a new array.</summary>
    public uint[] ToArray()
    {
        ReadOnlySpan<uint> items = _items;
        return items[..Count].ToArray();
    }

    /// <inheritdoc/>
    public bool Equals(RtpCsrcList other)
    {
        ReadOnlySpan<uint> mine = _items;
        ReadOnlySpan<uint> theirs = other._items;
        return Count == other.Count && mine[..Count].SequenceEqual(theirs[..Count]);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RtpCsrcList other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        for (int i = 0; i < Count; i++)
        {
            hash.Add(_items[i]);
        }

        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(RtpCsrcList left, RtpCsrcList right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(RtpCsrcList left, RtpCsrcList right) => !left.Equals(right);

    internal static RtpCsrcList Read(ReadOnlySpan<byte> source, int count)
    {
        var items = default(CsrcBuffer);
        for (int i = 0; i < count; i++)
        {
            items[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(source.Slice(i * 4, 4));
        }

        return new RtpCsrcList(items, count);
    }

    [InlineArray(MaxCount)]
    private struct CsrcBuffer
    {
        private uint _element;
    }
}
