using System.Globalization;
using System.Net;

namespace CallCluster.Terminal;

/// <summary>The parsed command line of <c>callcluster phone</c>.</summary>
/// <param name="Options">The agent's options.</param>
/// <param name="Calls">Targets to call at start (each its own call, all alive together).</param>
/// <param name="Headers">Extra headers for the INVITEs.</param>
/// <param name="Duration">How long to run; null until Ctrl+C.</param>
/// <param name="HangupAfter">Hang up placed calls after this long; null to keep them.</param>
public sealed record PhoneArguments(TerminalOptions Options, IReadOnlyList<string> Calls, IReadOnlyDictionary<string, string> Headers, TimeSpan? Duration, TimeSpan? HangupAfter)
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        callcluster phone --user NAME [options]
          --password P            digest password
          --domain D              SIP domain (default: registrar or local address)
          --registrar IP:PORT     register there and send calls through it
          --bind IP               local address (default 127.0.0.1)
          --sip-port N            local SIP UDP port (default: any)
          --rtp-port N            first RTP port (default: any)
          --tone HZ               tone sent (default 440)
          --detect HZ,HZ,...      tones looked for (default 300-2000 in 20 Hz steps)
          --codec PCMU|PCMA       audio codec (default PCMU)
          --video VP8|H264|none   video (default VP8)
          --fps N                 video frames per second (default 15)
          --bound-mobile NUMBER   a mobile whose calls are auto-answered (repeatable, or comma list)
          --auto-answer on|off    auto-answer bound mobiles (default on)
          --answer-after-ringing  answer other calls after the ring time (default: reject them)
          --ring-time SECONDS     ring time (default 5)
          --reject-status 480|486 status for calls not answered (default 480)
          --session-expires S     ask for RFC 4028 session timers on outgoing calls
          --call TARGET           place a call (repeatable: two calls stay up together)
          --header "Name: value"  extra INVITE header (repeatable)
          --hangup-after SECONDS  hang up placed calls after this long
          --duration SECONDS      exit after this long (default: until Ctrl+C)
          --stats SECONDS         media statistics interval (default 1, 0 for none)
        Output: one JSON object per line on stdout (see Terminal/README.md).
        """;

    /// <summary>Parses <paramref name="args"/>; false with a message for anything unknown or malformed.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out PhoneArguments? parsed, out string error)
    {
        parsed = null;
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string[] flags = ["--answer-after-ringing"];
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{name}'";
                return false;
            }

            var value = "true";
            if (!flags.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    error = $"{name} needs a value";
                    return false;
                }

                value = args[++i];
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(value);
        }

        return Build(values, out parsed, out error);
    }

    private static bool Build(Dictionary<string, List<string>> v, out PhoneArguments? parsed, out string error)
    {
        parsed = null;
        string[] known = ["--user", "--password", "--domain", "--registrar", "--bind", "--sip-port", "--rtp-port", "--tone", "--detect", "--codec", "--video", "--fps",
            "--bound-mobile", "--auto-answer", "--answer-after-ringing", "--ring-time", "--reject-status", "--session-expires", "--call", "--header", "--hangup-after", "--duration", "--stats"];
        if (v.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            error = $"unknown option {unknown}";
            return false;
        }

        string? One(string name) => v.TryGetValue(name, out var l) ? l[^1] : null;
        error = "";
        if (One("--user") is not { Length: > 0 } user)
        {
            error = "--user is required";
            return false;
        }

        IPEndPoint? registrar = null;
        if (One("--registrar") is { } r && !IPEndPoint.TryParse(r, out registrar))
        {
            error = $"--registrar must be IP:PORT, got '{r}'";
            return false;
        }

        var bind = IPAddress.Loopback;
        if (One("--bind") is { } b && !IPAddress.TryParse(b, out bind!))
        {
            error = $"--bind must be an IP address, got '{b}'";
            return false;
        }

        if (!Int("--sip-port", 0, 0, 65535, out var sipPort, ref error) || !Int("--rtp-port", 0, 0, 65000, out var rtpPort, ref error)
            || !Int("--fps", 15, 1, 60, out var fps, ref error) || !Int("--reject-status", 480, 480, 486, out var rejectStatus, ref error)
            || !Int("--session-expires", 0, 0, 86400, out var sessionExpires, ref error)
            || !Seconds("--ring-time", 5, out var ringTime, ref error) || !Seconds("--stats", 1, out var stats, ref error)
            || !Seconds("--duration", -1, out var duration, ref error) || !Seconds("--hangup-after", -1, out var hangupAfter, ref error))
        {
            return false;
        }

        if (rejectStatus is not (480 or 486))
        {
            error = "--reject-status must be 480 or 486";
            return false;
        }

        if (!double.TryParse(One("--tone") ?? "440", NumberStyles.Float, CultureInfo.InvariantCulture, out var tone) || tone is <= 0 or >= 4000)
        {
            error = "--tone must be a frequency between 0 and 4000 Hz";
            return false;
        }

        var detect = new List<double>();
        foreach (var part in (One("--detect") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) || f is <= 0 or >= 4000)
            {
                error = $"--detect has a bad frequency '{part}'";
                return false;
            }

            detect.Add(f);
        }

        AudioCodec codec;
        switch ((One("--codec") ?? "PCMU").ToUpperInvariant())
        {
            case "PCMU": codec = AudioCodec.Pcmu; break;
            case "PCMA": codec = AudioCodec.Pcma; break;
            default: error = "--codec must be PCMU or PCMA"; return false;
        }

        VideoCodec video;
        switch ((One("--video") ?? "VP8").ToUpperInvariant())
        {
            case "VP8": video = VideoCodec.Vp8; break;
            case "H264": video = VideoCodec.H264; break;
            case "NONE": video = VideoCodec.None; break;
            default: error = "--video must be VP8, H264 or none"; return false;
        }

        var autoAnswer = (One("--auto-answer") ?? "on").ToLowerInvariant();
        if (autoAnswer is not ("on" or "off" or "true" or "false"))
        {
            error = "--auto-answer must be on or off";
            return false;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in v.GetValueOrDefault("--header") ?? [])
        {
            var colon = h.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || h[..colon].Any(c => c is ' ' or '\r' or '\n') || h.Contains('\n', StringComparison.Ordinal))
            {
                error = $"--header must be 'Name: value', got '{h}'";
                return false;
            }

            headers[h[..colon].Trim()] = h[(colon + 1)..].Trim();
        }

        var options = new TerminalOptions
        {
            User = user,
            Password = One("--password"),
            Domain = One("--domain"),
            Registrar = registrar,
            LocalAddress = bind,
            SipPort = sipPort,
            RtpPortBase = rtpPort,
            ToneHz = tone,
            ToneCandidates = detect,
            Codec = codec,
            Video = video,
            VideoFps = fps,
            BoundMobiles = (v.GetValueOrDefault("--bound-mobile") ?? []).SelectMany(m => m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
            AutoAnswer = autoAnswer is "on" or "true",
            AnswerAfterRinging = v.ContainsKey("--answer-after-ringing"),
            RingTime = ringTime ?? TimeSpan.FromSeconds(5),
            RejectStatus = rejectStatus,
            SessionExpires = sessionExpires,
            StatsInterval = stats ?? TimeSpan.Zero,
        };
        parsed = new PhoneArguments(options, v.GetValueOrDefault("--call") ?? [], headers, duration, hangupAfter);
        return true;

        bool Int(string name, int fallback, int min, int max, out int value, ref string message)
        {
            value = fallback;
            if (One(name) is not { } text)
            {
                return true;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
            {
                return true;
            }

            message = $"{name} must be a number from {min} to {max}";
            return false;
        }

        bool Seconds(string name, double fallback, out TimeSpan? value, ref string message)
        {
            value = fallback < 0 ? null : TimeSpan.FromSeconds(fallback);
            if (One(name) is not { } text)
            {
                return true;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && s <= 86_400)
            {
                value = TimeSpan.FromSeconds(s);
                return true;
            }

            message = $"{name} must be seconds from 0 to 86400";
            return false;
        }
    }
}
