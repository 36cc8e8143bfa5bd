namespace CallCluster.Sip.Rtp.Payloads;

/// <summary>
/// Turns H.264 RTP payloads back into NAL units: single NAL units as they are, STAP-A unpacked,
/// FU-A fragments joined (a gap in sequence numbers drops the unit being joined). Owned by one
/// receive loop; not thread-safe. Memory is bounded by <see cref="MaxNalSize"/>.
/// </summary>
public sealed class H264Depacketizer(int maxNalSize = 1024 * 1024)
{
    private readonly List<byte[]> _ready = [];
    private byte[] _fragment = new byte[2048];
    private int _fragmentLength;
    private bool _inFragment;
    private ushort _expectedSequence;

    /// <summary>Largest NAL unit that will be reassembled.</summary>
    public int MaxNalSize { get; } = maxNalSize;

    /// <summary>Most completed units held before <see cref="TakeNalUnits"/> must be called; further payloads are dropped.</summary>
    public const int MaxPendingUnits = 256;

    /// <summary>Accepts the payload of the RTP packet with sequence number <paramref name="sequenceNumber"/>.</summary>
    public H264DepacketizeResult Push(ReadOnlySpan<byte> payload, ushort sequenceNumber)
    {
        if (_ready.Count >= MaxPendingUnits || !H264PayloadInfo.TryRead(payload, out var info))
        {
            return H264DepacketizeResult.Dropped;
        }

        switch (info.Packetization)
        {
            case H264Packetization.SingleNal:
                _ready.Add(payload.ToArray());
                return H264DepacketizeResult.Complete;
            case H264Packetization.StapA:
                var reader = new H264StapAReader(payload);
                while (reader.TryReadNext(out var nal))
                {
                    _ready.Add(nal.ToArray());
                }

                return H264DepacketizeResult.Complete;
            default:
                return PushFragment(payload, info, sequenceNumber);
        }
    }

    /// <summary>The NAL units completed so far (header included), oldest first; clears them.</summary>
    public IReadOnlyList<byte[]> TakeNalUnits()
    {
        var units = _ready.ToArray();
        _ready.Clear();
        return units;
    }

    private H264DepacketizeResult PushFragment(ReadOnlySpan<byte> payload, H264PayloadInfo info, ushort sequenceNumber)
    {
        var data = payload[2..];
        if (info.StartsNal)
        {
            _inFragment = true;
            _fragmentLength = 0;
            Append([(byte)((payload[0] & 0xE0) | info.NalType)]);
        }
        else if (!_inFragment || sequenceNumber != _expectedSequence)
        {
            _inFragment = false;
            return H264DepacketizeResult.Dropped;
        }

        if (_fragmentLength + data.Length > MaxNalSize)
        {
            _inFragment = false;
            return H264DepacketizeResult.Dropped;
        }

        Append(data);
        _expectedSequence = unchecked((ushort)(sequenceNumber + 1));
        if (!info.EndsNal)
        {
            return H264DepacketizeResult.NeedMore;
        }

        _inFragment = false;
        _ready.Add(_fragment.AsSpan(0, _fragmentLength).ToArray());
        return H264DepacketizeResult.Complete;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_fragment.Length < _fragmentLength + data.Length)
        {
            Array.Resize(ref _fragment, Math.Max(_fragment.Length * 2, _fragmentLength + data.Length));
        }

        data.CopyTo(_fragment.AsSpan(_fragmentLength));
        _fragmentLength += data.Length;
    }
}
