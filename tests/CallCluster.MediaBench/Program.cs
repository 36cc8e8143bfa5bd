using System.Globalization;
using System.Net;
using CallCluster.Media;
using CallCluster.Media.Node;
using CallCluster.MediaBench;

// Media relay and mix benchmark: our media node (serve) against rtpengine, same generated traffic (load).
// See bench/media/compare.sh.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const string Usage =
    "usage: serve --control PORT [--ports FIRST-LAST] [--mixer-loops N] [--realtime-priority P (0 = off)]\n" +
    "       selftest\n" +
    "       load --target ours|rtpengine --control PORT [--calls N] [--mixes M] [--seconds S] [--warmup S] [--sockets K] [--relay-pid PID] [--mix-receive block|drain]";
try
{
    var options = BenchOptions.Parse(args);
    switch (options.Mode)
    {
        case "serve":
            if (!MediaSettings.TryParsePortRange(options.Text("ports", "40000-47999"), out int first, out int last))
            {
                throw new FormatException("--ports must be FIRST-LAST within 1024-65535");
            }

            var settings = new MediaSettings(first, last, "127.0.0.1", "127.0.0.1", TimeSpan.FromMinutes(30), options.Number("mixer-loops", 1))
            {
                MixerRealtimePriority = options.Number("realtime-priority", MediaSettings.DefaultMixerRealtimePriority),
            };
            using (var node = new MediaNode(settings))
            {
                new ControlServer(node, options.Number("control", 0, required: true)).Run();
            }

            return 0;
        case "load":
            int control = options.Number("control", 0, required: true);
            string targetName = options.Text("target", "");
            using (IMediaTarget target = targetName switch
            {
                "ours" => new OursTarget(control),
                "rtpengine" => new RtpengineTarget(new IPEndPoint(IPAddress.Loopback, control)),
                _ => throw new FormatException("--target must be ours or rtpengine"),
            })
            {
                var seconds = TimeSpan.FromSeconds(options.Number("seconds", 10));
                var warmup = TimeSpan.FromSeconds(options.Number("warmup", 2));
                int sockets = options.Number("sockets", 4);
                if (options.Number("calls", 0) is > 0 and int calls)
                {
                    Console.WriteLine(LoadRunner.Relay(target, calls, seconds, warmup, sockets, options.Number("relay-pid", 0)));
                }

                if (options.Number("mixes", 0) is > 0 and int mixes)
                {
                    bool drain = options.Text("mix-receive", "block") switch
                    {
                        "block" => false,
                        "drain" => true,
                        _ => throw new FormatException("--mix-receive must be block or drain"),
                    };
                    Console.WriteLine(LoadRunner.Mix(target, mixes, seconds, warmup, sockets, options.Number("relay-pid", 0), drain));
                }
            }

            return 0;
        case "selftest":
            return SelfTest.Run(Console.Out) == 0 ? 0 : 1;
        default:
            throw new FormatException($"unknown mode '{options.Mode}'");
    }
}
catch (FormatException e)
{
    Console.Error.WriteLine("media-bench: " + e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (Exception e) when (e is InvalidOperationException or IOException or System.Net.Sockets.SocketException)
{
    Console.Error.WriteLine("media-bench: " + e.Message);
    return 1;
}
