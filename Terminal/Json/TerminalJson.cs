using System.Text;
using System.Text.Json;

namespace CallCluster.Terminal.Json;

/// <summary>
/// Formats events as JSON lines: one object per line with "event", "time" (ISO 8601 UTC),
/// "agent" and the fields of the event (names in README.md). Field names never change.
/// </summary>
public static class TerminalJson
{
    /// <summary>One line (no trailing newline) for <paramref name="e"/>, reported by <paramref name="agent"/>.</summary>
    public static string Format(TerminalEvent e, string agent)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("event", e.Kind);
            w.WriteString("time", e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("agent", agent);
            WriteFields(w, e);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFields(Utf8JsonWriter w, TerminalEvent e)
    {
        switch (e)
        {
            case RegisteredEvent r:
                w.WriteString("aor", r.Aor);
                w.WriteNumber("expires", r.Expires);
                w.WriteString("algorithm", r.Algorithm);
                break;
            case RegistrationFailedEvent f:
                w.WriteString("aor", f.Aor);
                w.WriteNumber("status", f.Status);
                w.WriteString("reason", f.Reason);
                break;
            case IncomingCallEvent i:
                w.WriteString("callId", i.CallId);
                w.WriteString("caller", i.Caller);
                WriteNullable(w, "assertedIdentity", i.AssertedIdentity);
                w.WriteBoolean("callerBound", i.CallerBound);
                WriteNullable(w, "answerMode", i.AnswerMode);
                w.WriteBoolean("callInfoAnswerAfter", i.CallInfoAnswerAfter);
                w.WriteBoolean("alertInfoAutoAnswer", i.AlertInfoAutoAnswer);
                w.WriteString("decision", i.Decision);
                break;
            case CallAnsweredEvent a:
                w.WriteString("callId", a.CallId);
                w.WriteString("direction", a.Direction);
                w.WriteString("how", a.How);
                w.WriteString("peer", a.Peer);
                break;
            case CallStateEvent s:
                w.WriteString("callId", s.CallId);
                w.WriteString("state", s.State);
                WriteNullable(w, "status", s.Status);
                break;
            case MediaStatsEvent m:
                w.WriteString("callId", m.CallId);
                w.WriteStartArray("streams");
                foreach (var s in m.Streams)
                {
                    WriteStream(w, s);
                }

                w.WriteEndArray();
                break;
            case TerminalErrorEvent err:
                w.WriteString("message", err.Message);
                break;
            case CallEndedEvent x:
                w.WriteString("callId", x.CallId);
                w.WriteString("reason", x.Reason);
                WriteNullable(w, "status", x.Status);
                break;
        }
    }

    private static void WriteStream(Utf8JsonWriter w, StreamStats s)
    {
        w.WriteStartObject();
        w.WriteString("media", s.Media);
        w.WriteString("codec", s.Codec);
        w.WriteNumber("localPort", s.LocalPort);
        WriteNullable(w, "remote", s.Remote);
        w.WriteNumber("packetsSent", s.PacketsSent);
        w.WriteNumber("packetsReceived", s.PacketsReceived);
        w.WriteNumber("packetsLost", s.PacketsLost);
        w.WriteNumber("jitterMs", Math.Round(s.JitterMs, 3));
        w.WriteNumber("keyFramesSent", s.KeyFramesSent);
        w.WriteNumber("keyFramesReceived", s.KeyFramesReceived);
        w.WriteNumber("keyFrameRequests", s.KeyFrameRequests);
        w.WriteNumber("rtcpSent", s.RtcpSent);
        w.WriteNumber("rtcpReceived", s.RtcpReceived);
        w.WriteStartArray("tonesHz");
        foreach (var t in s.Tones)
        {
            w.WriteNumberValue(t);
        }

        w.WriteEndArray();
        w.WriteStartArray("currentTonesHz");
        foreach (var t in s.CurrentTones)
        {
            w.WriteNumberValue(t);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
