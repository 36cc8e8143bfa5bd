using System.Runtime.CompilerServices;
using CallCluster.Media.Audio;

namespace CallCluster.Media.Mixing;

/// <summary>
/// One participant of a mix: one or more endpoint inputs (the mobile's two dialogs). What it says
/// is taken from the first of its inputs that has audio this tick; what it hears (everyone else)
/// goes out on every one of its endpoints, so it never hears itself through its other dialog.
/// </summary>
public sealed class MixParticipant
{
    private readonly short[] frame = new short[AudioFrame.Samples];
    private readonly short[] scratch = new short[AudioFrame.Samples];

    /// <summary>Creates a participant from its inputs (at least one).</summary>
    public MixParticipant(string participantId, IReadOnlyList<MixInput> inputs)
    {
        if (inputs.Count == 0)
        {
            throw new ArgumentException("a participant needs at least one endpoint", nameof(inputs));
        }

        ParticipantId = participantId;
        InputArray = [.. inputs];
    }

    /// <summary>The participant's id (from the allocation).</summary>
    public string ParticipantId { get; }

    /// <summary>Its endpoints' audio inputs.</summary>
    public IReadOnlyList<MixInput> Inputs => InputArray;

    /// <summary>The inputs as an array, for the mixing loop's allocation-free iteration.</summary>
    internal MixInput[] InputArray { get; }

    /// <summary>This tick's frame (mixing loop only).</summary>
    internal ReadOnlySpan<short> Frame => frame;

    /// <summary>Pulls one frame from every input (keeping their buffers in step) and keeps the first with audio.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Pull()
    {
        var best = PlayoutKind.Silence;
        Array.Clear(frame);
        foreach (var input in InputArray)
        {
            var kind = input.Pull(scratch);
            if (kind < best)
            {
                best = kind;
                scratch.CopyTo(frame, 0);
            }
        }
    }
}
