using System.Diagnostics.Metrics;
using System.Globalization;

namespace CallCluster.Host.Metrics;

/// <summary>Listens to the "CallCluster" meter and records each measurement in <see cref="CallClusterMetrics"/>.</summary>
public sealed class CallClusterMeterBridge : IDisposable
{
    private readonly CallClusterMetrics _metrics;
    private readonly MeterListener _listener = new();

    public CallClusterMeterBridge(CallClusterMetrics metrics)
    {
        _metrics = metrics;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CallClusterMeter.Name && IsKnown(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private static bool IsKnown(string name) => name is CallClusterMeter.SessionsActive or CallClusterMeter.SessionsEnded
        or CallClusterMeter.JournalWriteDuration or CallClusterMeter.SipMessagesIn or CallClusterMeter.SipMessagesOut
        or CallClusterMeter.MediaPortsAllocated or CallClusterMeter.MediaForeignDropped;

    private void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        switch (instrument)
        {
            case CallClusterMeter.SessionsActive:
                _metrics.ActiveSessions.Inc(value);
                break;
            case CallClusterMeter.SessionsEnded:
                _metrics.SessionsEnded.WithLabels(Tag(tags, "outcome", "unknown")).Inc(value);
                break;
            case CallClusterMeter.JournalWriteDuration:
                _metrics.JournalWriteSeconds.Observe(value);
                break;
            case CallClusterMeter.SipMessagesIn:
                _metrics.SipMessagesIn.WithLabels(Tag(tags, "method", "unknown"), Tag(tags, "status", "0")).Inc(value);
                break;
            case CallClusterMeter.MediaPortsAllocated:
                _metrics.MediaPortsAllocated.Inc(value);
                break;
            case CallClusterMeter.MediaForeignDropped:
                _metrics.MediaForeignDropped.Inc(value);
                break;
            case CallClusterMeter.SipMessagesOut:
                _metrics.SipMessagesOut.WithLabels(Tag(tags, "method", "unknown"), Tag(tags, "status", "0")).Inc(value);
                break;
        }
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name, string fallback)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name && tag.Value is not null)
            {
                var text = Convert.ToString(tag.Value, CultureInfo.InvariantCulture);
                // Label values come from the network (SIP methods): bound their length.
                return string.IsNullOrEmpty(text) ? fallback : text.Length > 32 ? text[..32] : text;
            }
        }
        return fallback;
    }
}
