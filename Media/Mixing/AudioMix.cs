using System.Runtime.CompilerServices;
using CallCluster.Media.Audio;
using CallCluster.Sip.Codecs;
using CallCluster.Sip.Rtp;

namespace CallCluster.Media.Mixing;

/// <summary>
/// The audio conference of one session. Every tick (20 ms, driven by its <see cref="MixerLoop"/>)
/// it receives what each participant's RTP socket holds (the sockets' receive loops are stopped
/// while the mix is attached: no thread hop and no thread-pool work per packet), plays one frame
/// per participant out of their jitter buffers, sums them once, and sends each participant the sum
/// minus its own frame, clipped and encoded in each endpoint's own G.711 law. Mutable state
/// belongs to the mixing loop; the control side only builds and retires it.
/// </summary>
public sealed class AudioMix
{
    /// <summary>Most datagrams taken from one socket per tick (320 ms of 20 ms packets); more wait in the socket's bounded buffer.</summary>
    public const int MaxReceivedPerTick = 16;

    private readonly MixParticipant[] participants;
    private Transport.DatagramBatch? ownBatch;
    private readonly int[] total = new int[AudioFrame.Samples];
    private readonly short[] heard = new short[AudioFrame.Samples];
    private readonly byte[] packet = new byte[RtpHeader.FixedLength + AudioFrame.Samples];
    private readonly uint ssrc = (uint)Random.Shared.Next();
    private ushort sequence = (ushort)Random.Shared.Next();
    private uint timestamp = (uint)Random.Shared.Next();
    private long ticks;

    /// <summary>Creates the mix; <paramref name="key"/> is its node-unique source key for rewriters.</summary>
    public AudioMix(int key, string sessionId, IReadOnlyList<MixParticipant> participants)
    {
        Key = key;
        SessionId = sessionId;
        this.participants = [.. participants];
    }

    /// <summary>Source key of the mix in the receivers' rewriters.</summary>
    public int Key { get; }

    /// <summary>The session.</summary>
    public string SessionId { get; }

    /// <summary>The participants.</summary>
    public IReadOnlyList<MixParticipant> Participants => participants;

    /// <summary>Ticks run.</summary>
    public long Ticks => Interlocked.Read(ref ticks);

    /// <summary>Makes this mix the producer of every participant endpoint's audio and its sink.</summary>
    public void Attach()
    {
        foreach (var input in Participants.SelectMany(p => p.Inputs))
        {
            input.Stream.Outbound.SetProducer(this);
            input.Stream.Sink = input;
            input.Stream.ReceiveByPolling(true);
        }
    }

    /// <summary>Stops feeding and sending (control side); whatever replaces the mix attaches afterwards.</summary>
    public void Detach()
    {
        foreach (var input in Participants.SelectMany(p => p.Inputs))
        {
            if (ReferenceEquals(input.Stream.Sink, input))
            {
                input.Stream.Sink = null;
            }

            input.Stream.ReceiveByPolling(false);
            input.Stream.Outbound.ClearProducer(this);
        }
    }

    /// <summary>One 20 ms step, receiving into buffers of the mix's own.</summary>
    public void Tick(TimeSpan now) => Tick(now, ownBatch ??= new Transport.DatagramBatch());

    /// <summary>One 20 ms step (mixing loop only), receiving into <paramref name="batch"/> (the loop's, shared by its mixes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tick(TimeSpan now, Transport.DatagramBatch batch)
    {
        Array.Clear(total);
        for (int p = 0; p < participants.Length; p++)
        {
            var inputs = participants[p].InputArray;
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i].Receive(batch, MaxReceivedPerTick);
            }

            participants[p].Pull();
            MixMath.Accumulate(participants[p].Frame, total);
        }

        for (int p = 0; p < participants.Length; p++)
        {
            MixMath.MinusOwn(total, participants[p].Frame, heard);
            var inputs = participants[p].InputArray;
            for (int i = 0; i < inputs.Length; i++)
            {
                Send(inputs[i], now);
            }
        }

        sequence++;
        timestamp += AudioFrame.Samples;
        Interlocked.Increment(ref ticks);
    }

    /// <summary>Returns queued buffers (mixing loop, after removal).</summary>
    public void Drain()
    {
        foreach (var input in Participants.SelectMany(p => p.Inputs))
        {
            input.Drain();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Send(MixInput input, TimeSpan now)
    {
        var stream = input.Stream;
        var settings = stream.Settings;
        if (!settings.PeerReceives)
        {
            return;
        }

        var header = new RtpHeader((byte)settings.SendAudioPayloadType, sequence, timestamp, ssrc);
        if (!header.TryWrite(packet, out int headerLength))
        {
            return;
        }

        G711.Encode(settings.SendLaw, heard, packet.AsSpan(headerLength));
        var datagram = packet.AsSpan(0, headerLength + AudioFrame.Samples);
        if (stream.Outbound.TryRewrite(this, Key, datagram, ssrc, sequence, timestamp, now, out _))
        {
            stream.SendRtp(datagram);
        }
    }
}
