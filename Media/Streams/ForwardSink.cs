using System.Runtime.CompilerServices;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Media.Transport;
using CallCluster.Sip.Codecs;
using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Streams;

/// <summary>
/// Forwards a stream's packets, undecoded, to one or more receivers (a bridge direction, or one
/// video source fanned out): the payload type is mapped to the receiver's number for the same
/// codec, G.711 is transcoded between mu-law and A-law in place when the two sides differ, and
/// each receiver's <see cref="OutboundStream"/> rewrites SSRC, sequence number and timestamp.
/// Packets of a codec the receiver did not negotiate are dropped.
/// </summary>
public sealed class ForwardSink : IRtpSink
{
    private readonly MediaStream[] targets;
    private readonly TimeProvider time;

    /// <summary>Creates a sink that sends to <paramref name="targets"/>; it must be made their producer to send.</summary>
    public ForwardSink(IReadOnlyList<MediaStream> targets, TimeProvider time)
    {
        this.targets = [.. targets];
        this.time = time;
    }

    /// <summary>The receivers.</summary>
    public IReadOnlyList<MediaStream> Targets => targets;

    /// <summary>Packets forwarded (per receiver).</summary>
    public long Forwarded => Interlocked.Read(ref forwarded);

    private long forwarded;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnRtp(MediaStream from, Span<byte> packet, in RtpHeader header, int headerLength, int payloadLength)
    {
        var now = time.GetElapsedTime(0);
        string? codec = from.Settings.NameOf(header.PayloadType);
        if (codec is null)
        {
            return;
        }

        Span<byte> scratch = targets.Length > 1 ? stackalloc byte[UdpChannel.MaxDatagram] : default;
        for (int i = 0; i < targets.Length; i++)
        {
            var target = targets[i];
            var buffer = targets.Length > 1 ? scratch[..packet.Length] : packet;
            if (targets.Length > 1)
            {
                packet.CopyTo(buffer);
            }

            if (!MapPayload(target, codec, header.PayloadType, buffer.Slice(headerLength, payloadLength), buffer))
            {
                continue;
            }

            if (target.Outbound.TryRewrite(this, from.Key, buffer, header.Ssrc, header.SequenceNumber, header.Timestamp, now, out _)
                && target.SendRtp(buffer))
            {
                Interlocked.Increment(ref forwarded);
            }
        }
    }

    private static bool MapPayload(MediaStream target, string codec, byte payloadType, Span<byte> payload, Span<byte> packet)
    {
        var settings = target.Settings;
        if (target.Kind == MediaKind.Audio && StreamSettings.LawOf(codec) is { } fromLaw)
        {
            var toLaw = settings.SendLaw;
            if (toLaw != fromLaw)
            {
                G711.Transcode(fromLaw, toLaw, payload, payload);
            }

            return settings.SendAudioPayloadType == payloadType || RtpRewrite.SetPayloadType(packet, (byte)settings.SendAudioPayloadType);
        }

        if (settings.PayloadTypeOf(codec) is not { } mapped)
        {
            return false;
        }

        return mapped == payloadType || RtpRewrite.SetPayloadType(packet, (byte)mapped);
    }
}
