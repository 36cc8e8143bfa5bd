using System.Diagnostics;

namespace CallCluster.Host.Demo;

/// <summary>Prints each step of the demo with the time since the start, and remembers failures.</summary>
public sealed class DemoNarrator(TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Failures { get; private set; }

    public void Say(string text) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,7:0.000}s] {text}");

    public void Held(string step, string detail) => Say($"ok    {step}: {detail}");

    public void Failed(string step, string detail)
    {
        Failures++;
        Say($"FAIL  {step}: {detail}");
    }

    /// <summary>Reports a check; returns its outcome.</summary>
    public bool Check(bool held, string step, string detail)
    {
        if (held)
        {
            Held(step, detail);
        }
        else
        {
            Failed(step, detail);
        }
        return held;
    }
}
