using System.Buffers.Binary;

namespace CallCluster.Sip.Rtp.Payloads;

/// <summary>
/// An RTP telephone-event payload (RFC 4733 section 2.3): DTMF digits and other named events.
/// Events 0-9 are the digits, 10 is '*', 11 is '#', 12-15 are A-D, 16 is flash.
/// </summary>
/// <param name="Event">Event code.</param>
/// <param name="End">E bit: the last packets of the event.</param>
/// <param name="Volume">Power level in -dBm0, 0-63.</param>
/// <param name="Duration">Duration so far in timestamp units.</param>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    /*
      0                   1                   2                   3
      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     |     event     |E|R| volume    |          duration             |
     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    */

    /// <summary>Length of one event block.</summary>
    public const int Length = 4;

    private const string Digits = "0123456789*#ABCD";

    /// <summary>The DTMF character for events 0-15, or null.</summary>
    public char? Digit => Event < Digits.Length ? Digits[Event] : null;

    /// <summary>The event code of a DTMF character (0-9, *, #, A-D), or null.</summary>
    public static byte? EventFor(char digit)
    {
        int index = Digits.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        return index < 0 ? null : (byte)index;
    }

    /// <summary>Reads the first event block of a payload; false if shorter than 4 bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the block; false if the destination is shorter than 4 bytes.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            return false;
        }

        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return true;
    }
}
