using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp.Payloads;

/// <summary>
/// Walks the NAL units of a STAP-A payload (RFC 6184 section 5.7.1) without allocating.
/// </summary>
public ref struct H264StapAReader
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |STAP-A NAL HDR |         NALU 1 Size           | NALU 1 HDR    |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |                         NALU 1 Data                           |
     :                                                               :
     +               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |               | NALU 2 Size                   | NALU 2 HDR    |
    */

    private readonly ReadOnlySpan<byte> _payload;
    private int _offset;
    private bool _failed;

    /// <summary>Starts after the STAP-A header byte of <paramref name="payload"/>.</summary>
    public H264StapAReader(ReadOnlySpan<byte> payload)
    {
        _payload = payload;
        _offset = 1;
        _failed = payload.IsEmpty || (payload[0] & 0x1F) != H264PayloadInfo.StapAType;
    }

    /// <summary>True once every unit was read and the sizes added up exactly.</summary>
    public readonly bool Completed => !_failed && _offset == _payload.Length;

    /// <summary>The next NAL unit (header included); false at the end or when a size runs past the payload.</summary>
    public bool TryReadNext(out ReadOnlySpan<byte> nal)
    {
        nal = default;
        if (_failed || _offset >= _payload.Length)
        {
            return false;
        }

        if (_payload.Length - _offset < 2)
        {
            _failed = true;
            return false;
        }

        int size = BinaryPrimitives.ReadUInt16BigEndian(_payload[_offset..]);
        if (size == 0 || size > _payload.Length - _offset - 2)
        {
            _failed = true;
            return false;
        }

        nal = _payload.Slice(_offset + 2, size);
        _offset += 2 + size;
        return true;
    }
}
