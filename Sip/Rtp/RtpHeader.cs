namespace CallCluster.Sip.Rtp;

/// <summary>
/// An RTP fixed header (RFC 3550 section 5.1) with its CSRC list and optional header extension
/// (section 5.3.1). Immutable; the wire format lives in RtpHeader.Wire.cs.
/// </summary>
/// <remarks>
/// A header read from a span records the extension's profile and length but not its bytes
/// (reading allocates nothing); <see cref="GetExtensionData"/> slices them from the packet.
/// A header read from memory, or built with <see cref="WithExtension"/>, carries the bytes in
/// <see cref="ExtensionData"/> and can be written back as is.
/// </remarks>
public readonly partial struct RtpHeader : IEquatable<RtpHeader>
{
    /// <summary>The only RTP version in use.</summary>
    public const byte RtpVersion = 2;

    /// <summary>Length of the fixed header in bytes.</summary>
    public const int FixedLength = 12;

    /// <summary>Longest extension data in bytes (16-bit length in 32-bit words).</summary>
    public const int MaxExtensionLength = ushort.MaxValue * 4;

    /// <summary>Creates a version 2 header without padding or extension.</summary>
    public RtpHeader(byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc, bool marker = false)
        : this(RtpVersion, false, false, marker, payloadType, sequenceNumber, timestamp, ssrc, default, 0, 0, default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, (byte)127, nameof(payloadType));
    }

    private RtpHeader(byte version, bool padding, bool extension, bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        Version = version;
        Padding = padding;
        Extension = extension;
        Marker = marker;
        PayloadType = payloadType;
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
        Ssrc = ssrc;
    }

    private RtpHeader(
        byte version,
        bool padding,
        bool extension,
        bool marker,
        byte payloadType,
        ushort sequenceNumber,
        uint timestamp,
        uint ssrc,
        in RtpCsrcList csrcs,
        ushort extensionProfile,
        int extensionLength,
        ReadOnlyMemory<byte> extensionData)
    {
        Version = version;
        Padding = padding;
        Extension = extension;
        Marker = marker;
        PayloadType = payloadType;
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
        Ssrc = ssrc;
        Csrcs = csrcs;
        ExtensionProfile = extensionProfile;
        ExtensionLength = extensionLength;
        ExtensionData = extensionData;
    }

    /// <summary>Version field (always 2 for a header that was read successfully).</summary>
    public byte Version { get; }

    /// <summary>P bit: the packet ends with padding whose last byte is the padding count.</summary>
    public bool Padding { get; }

    /// <summary>X bit: a header extension follows the CSRC list.</summary>
    public bool Extension { get; }

    /// <summary>M bit (marks a frame boundary, or the start of a talkspurt for audio).</summary>
    public bool Marker { get; }

    /// <summary>Payload type, 0 to 127.</summary>
    public byte PayloadType { get; }

    /// <summary>Sequence number.</summary>
    public ushort SequenceNumber { get; }

    /// <summary>RTP timestamp.</summary>
    public uint Timestamp { get; }

    /// <summary>Synchronisation source.</summary>
    public uint Ssrc { get; }

    /// <summary>Contributing sources.</summary>
    public RtpCsrcList Csrcs { get; }

    /// <summary>Profile-defined 16 bits of the extension header (0xBEDE for RFC 8285 one-byte form).</summary>
    public ushort ExtensionProfile { get; }

    /// <summary>Length of the extension data in bytes (a multiple of 4), 0 without extension.</summary>
    public int ExtensionLength { get; }

    /// <summary>The extension data when carried by this value; empty for a header read from a span.</summary>
    public ReadOnlyMemory<byte> ExtensionData { get; }

    /// <summary>The extension data: <see cref="ExtensionData"/> if carried, otherwise sliced from the packet this header was read from.</summary>
    public ReadOnlySpan<byte> GetExtensionData(ReadOnlySpan<byte> packet)
    {
        if (!Extension || ExtensionLength == 0)
        {
            return [];
        }

        if (ExtensionData.Length == ExtensionLength)
        {
            return ExtensionData.Span;
        }

        int offset = FixedLength + (4 * Csrcs.Count) + 4;
        return packet.Length >= offset + ExtensionLength ? packet.Slice(offset, ExtensionLength) : [];
    }

    /// <summary>Copy with another marker bit.</summary>
    public RtpHeader WithMarker(bool marker) => new(Version, Padding, Extension, marker, PayloadType, SequenceNumber, Timestamp, Ssrc, Csrcs, ExtensionProfile, ExtensionLength, ExtensionData);

    /// <summary>Copy with another payload type (0 to 127).</summary>
    public RtpHeader WithPayloadType(byte payloadType)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, (byte)127, nameof(payloadType));
        return new(Version, Padding, Extension, Marker, payloadType, SequenceNumber, Timestamp, Ssrc, Csrcs, ExtensionProfile, ExtensionLength, ExtensionData);
    }

    /// <summary>Copy with another sequence number.</summary>
    public RtpHeader WithSequenceNumber(ushort sequenceNumber) => new(Version, Padding, Extension, Marker, PayloadType, sequenceNumber, Timestamp, Ssrc, Csrcs, ExtensionProfile, ExtensionLength, ExtensionData);

    /// <summary>Copy with another timestamp.</summary>
    public RtpHeader WithTimestamp(uint timestamp) => new(Version, Padding, Extension, Marker, PayloadType, SequenceNumber, timestamp, Ssrc, Csrcs, ExtensionProfile, ExtensionLength, ExtensionData);

    /// <summary>Copy with another SSRC.</summary>
    public RtpHeader WithSsrc(uint ssrc) => new(Version, Padding, Extension, Marker, PayloadType, SequenceNumber, Timestamp, ssrc, Csrcs, ExtensionProfile, ExtensionLength, ExtensionData);

    /// <summary>Copy with another CSRC list.</summary>
    public RtpHeader WithCsrcs(RtpCsrcList csrcs) => new(Version, Padding, Extension, Marker, PayloadType, SequenceNumber, Timestamp, Ssrc, csrcs, ExtensionProfile, ExtensionLength, ExtensionData);

    /// <summary>Copy with the P bit set or cleared (the padding itself is written by <see cref="RtpPacket"/>).</summary>
    public RtpHeader WithPadding(bool padding) => new(Version, padding, Extension, Marker, PayloadType, SequenceNumber, Timestamp, Ssrc, Csrcs, ExtensionProfile, ExtensionLength, ExtensionData);

    /// <summary>Copy with a header extension; <paramref name="data"/> length must be a multiple of 4, at most <see cref="MaxExtensionLength"/>.</summary>
    public RtpHeader WithExtension(ushort profile, ReadOnlyMemory<byte> data)
    {
        if (data.Length % 4 != 0 || data.Length > MaxExtensionLength)
        {
            throw new ArgumentOutOfRangeException(nameof(data), "Extension data must be a multiple of 4 bytes and at most 262140 bytes.");
        }

        return new(Version, Padding, true, Marker, PayloadType, SequenceNumber, Timestamp, Ssrc, Csrcs, profile, data.Length, data);
    }

    /// <summary>Copy without header extension.</summary>
    public RtpHeader WithoutExtension() => new(Version, Padding, false, Marker, PayloadType, SequenceNumber, Timestamp, Ssrc, Csrcs, 0, 0, default);

    /// <inheritdoc/>
    public bool Equals(RtpHeader other) =>
        Version == other.Version && Padding == other.Padding && Extension == other.Extension && Marker == other.Marker
        && PayloadType == other.PayloadType && SequenceNumber == other.SequenceNumber && Timestamp == other.Timestamp
        && Ssrc == other.Ssrc && Csrcs == other.Csrcs && ExtensionProfile == other.ExtensionProfile
        && ExtensionLength == other.ExtensionLength
        && (ExtensionData.Length != ExtensionLength || other.ExtensionData.Length != ExtensionLength
            || ExtensionData.Span.SequenceEqual(other.ExtensionData.Span));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RtpHeader other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PayloadType, SequenceNumber, Timestamp, Ssrc, Marker, Csrcs, ExtensionLength);

    /// <summary>Value equality (extension bytes compared when both sides carry them).</summary>
    public static bool operator ==(RtpHeader left, RtpHeader right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(RtpHeader left, RtpHeader right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() =>
        $"RTP v{Version} pt={PayloadType} seq={SequenceNumber} ts={Timestamp} ssrc=0x{Ssrc:X8}{(Marker ? " M" : string.Empty)} csrc={Csrcs.Count}{(Extension ? $" ext=0x{ExtensionProfile:X4}/{ExtensionLength}" : string.Empty)}";
}
