namespace CallCluster.Sip.Rtp;

/// <summary>
/// Walks the packets of a compound RTCP datagram (RFC 3550 section 6.1) without allocating:
/// each step yields the common header and the packet's bytes. Stops at the first malformed
/// packet and reports why in <see cref="Error"/>.
/// </summary>
public ref struct RtcpCompoundReader
{
    private readonly ReadOnlySpan<byte> _datagram;
    private int _offset;

    /// <summary>Starts at the beginning of <paramref name="datagram"/>.</summary>
    public RtcpCompoundReader(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _offset = 0;
        Error = RtcpReadError.None;
    }

    /// <summary>Why reading stopped early; <see cref="RtcpReadError.None"/> while all went well.</summary>
    public RtcpReadError Error { get; private set; }

    /// <summary>True once every byte of the datagram has been walked without error.</summary>
    public readonly bool Completed => Error == RtcpReadError.None && _offset == _datagram.Length;

    /// <summary>Moves to the next packet; false at the end or on a malformed packet (see <see cref="Error"/>).</summary>
    public bool TryReadNext(out RtcpHeader header, out ReadOnlySpan<byte> packet)
    {
        header = default;
        packet = default;
        if (Error != RtcpReadError.None || _offset >= _datagram.Length)
        {
            return false;
        }

        if (!RtcpHeader.TryRead(_datagram[_offset..], out header, out var error))
        {
            Error = error;
            return false;
        }

        packet = _datagram.Slice(_offset, header.PacketLength);
        _offset += header.PacketLength;
        return true;
    }
}
