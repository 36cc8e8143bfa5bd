namespace CallCluster.Terminal.Media;

/// <summary>
/// Finds tones in decoded audio with the Goertzel algorithm over a list of candidate frequencies.
/// Samples are collected into windows (100 ms at 8 kHz); in each window a candidate counts as
/// present when its share of the window's energy is at least <see cref="Threshold"/> and it is a
/// local maximum among its neighbours in the list. A tone is reported once it was present in
/// <see cref="MinWindows"/> windows. Memory is bounded by the candidate list.
/// </summary>
public sealed class ToneDetector
{
    private readonly double[] _candidates;
    private readonly double[] _coefficients;
    private readonly short[] _window;
    private readonly int[] _hits;
    private readonly Queue<List<int>> _history = new();
    private int _filled;

    /// <summary>Creates a detector for <paramref name="candidatesHz"/> (sorted ascending internally).</summary>
    public ToneDetector(IEnumerable<double> candidatesHz, int sampleRate = 8000, int windowSamples = 800)
    {
        _candidates = candidatesHz.Where(f => f > 0 && f < sampleRate / 2.0).Distinct().Order().Take(1000).ToArray();
        _coefficients = _candidates.Select(f => 2 * Math.Cos(2 * Math.PI * f / sampleRate)).ToArray();
        _window = new short[Math.Clamp(windowSamples, 80, 8000)];
        _hits = new int[_candidates.Length];
    }

    /// <summary>Candidates from 300 to 2000 Hz in 20 Hz steps.</summary>
    public static IReadOnlyList<double> DefaultCandidates { get; } = Enumerable.Range(0, 86).Select(i => 300.0 + (20 * i)).ToArray();

    /// <summary>Share of a window's energy a candidate needs (1.0 is a pure tone).</summary>
    public double Threshold { get; init; } = 0.2;

    /// <summary>Windows a tone must be present in before it is reported.</summary>
    public int MinWindows { get; init; } = 3;

    /// <summary>Windows analysed so far.</summary>
    public long Windows { get; private set; }

    /// <summary>Tones present in the last window, in Hz.</summary>
    public IReadOnlyList<int> Current { get; private set; } = [];

    /// <summary>Tones present in at least <see cref="MinWindows"/> of the last <see cref="RecentWindows"/> windows, in Hz, ascending.</summary>
    public IReadOnlyList<int> Recent { get; private set; } = [];

    /// <summary>How many windows <see cref="Recent"/> looks back.</summary>
    public int RecentWindows { get; init; } = 10;

    /// <summary>Tones present in at least <see cref="MinWindows"/> windows, in Hz, ascending.</summary>
    public IReadOnlyList<int> Detected { get; private set; } = [];

    /// <summary>Adds decoded samples; returns true when at least one window was analysed.</summary>
    public bool Add(ReadOnlySpan<short> samples)
    {
        var analysed = false;
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, _window.Length - _filled);
            samples[..take].CopyTo(_window.AsSpan(_filled));
            _filled += take;
            samples = samples[take..];
            if (_filled == _window.Length)
            {
                Analyse();
                _filled = 0;
                analysed = true;
            }
        }

        return analysed;
    }

    private void Analyse()
    {
        Windows++;
        double energy = 0;
        foreach (var s in _window)
        {
            energy += (double)s * s;
        }

        var n = _window.Length;
        var shares = new double[_candidates.Length];
        if (energy > n * 100.0)
        {
            for (var c = 0; c < _candidates.Length; c++)
            {
                shares[c] = Power(_coefficients[c]) / (n * energy / 2);
            }
        }

        var current = new List<int>();
        for (var c = 0; c < shares.Length; c++)
        {
            var left = c > 0 ? shares[c - 1] : 0;
            var right = c + 1 < shares.Length ? shares[c + 1] : 0;
            if (shares[c] >= Threshold && shares[c] >= left && shares[c] >= right)
            {
                current.Add((int)Math.Round(_candidates[c]));
                _hits[c]++;
            }
        }

        Current = current;
        _history.Enqueue(current);
        while (_history.Count > Math.Max(1, RecentWindows))
        {
            _history.Dequeue();
        }

        Recent = _history.SelectMany(w => w).GroupBy(f => f).Where(g => g.Count() >= MinWindows).Select(g => g.Key).Order().ToArray();
        var detected = new List<int>();
        for (var c = 0; c < _hits.Length; c++)
        {
            if (_hits[c] >= MinWindows)
            {
                detected.Add((int)Math.Round(_candidates[c]));
            }
        }

        Detected = detected;
    }

    private double Power(double coefficient)
    {
        double s1 = 0, s2 = 0;
        foreach (var x in _window)
        {
            var s0 = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
    }
}
