namespace CallCluster.Terminal.Media;

/// <summary>A continuous sine tone as 16-bit linear samples at 8 kHz, phase kept across frames.</summary>
public sealed class ToneGenerator(double frequencyHz, double amplitude = 8000, int sampleRate = 8000)
{
    private readonly double _step = 2 * Math.PI * frequencyHz / sampleRate;
    private double _phase;

    /// <summary>The tone's frequency in Hz.</summary>
    public double FrequencyHz { get; } = frequencyHz;

    /// <summary>Fills <paramref name="samples"/> with the next samples of the tone.</summary>
    public void Fill(Span<short> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(_phase));
            _phase += _step;
            if (_phase > 2 * Math.PI)
            {
                _phase -= 2 * Math.PI;
            }
        }
    }
}
