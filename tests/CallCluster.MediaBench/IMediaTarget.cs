namespace CallCluster.MediaBench;

/// <summary>A media relay under test, set up by the load generator before traffic starts.</summary>
public interface IMediaTarget : IDisposable
{
    /// <summary>Short name printed in results.</summary>
    string Name { get; }

    /// <summary>
    /// Sets up one relayed call between generator ports <paramref name="portA"/> and <paramref name="portB"/>;
    /// returns the relay port A sends to and the one B sends to.
    /// </summary>
    (int SendToFromA, int SendToFromB) CreateRelay(int call, int portA, int portB);

    /// <summary>Sets up a three-party mix; returns, per participant, the port it sends to.</summary>
    IReadOnlyList<int> CreateMix(int mix, IReadOnlyList<int> participantPorts);

    /// <summary>Mixing-loop counters (ticks, missed, run late to catch up) and gen-0 collections so far, when the target mixes; null otherwise.</summary>
    (long Ticks, long Missed, long Late, long Gen0)? MixTicks();

    /// <summary>Tears down everything set up so far.</summary>
    void ReleaseAll();
}
