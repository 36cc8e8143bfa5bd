using CallCluster.Actors.MediaProtocol;

namespace CallCluster.Actors.Sessions.Media;

/// <summary>One m= section of an SDP body as far as the media role needs it.</summary>
public sealed record SdpStream(MediaKind? Kind, string Address, int Port, int RtcpPort, bool RtcpMux, IReadOnlyList<CodecSpec> Codecs, MediaDirection Direction);

/// <summary>
/// The few SDP facts (RFC 4566/3264) the session translates for the media role: per m= line the
/// connection address, ports, codecs (rtpmap or static payload types) and direction. Bodies
/// longer than <see cref="MaxLength"/> or with more than <see cref="MaxStreams"/> m= lines are
/// refused (null). Unknown media kinds come back with a null kind so answers keep m= line order.
/// </summary>
public static class SdpText
{
    public const int MaxLength = 16 * 1024;
    public const int MaxStreams = 8;

    private static readonly Dictionary<int, CodecSpec> StaticTypes = new() { [0] = CodecSpec.Pcmu, [8] = CodecSpec.Pcma };

    public static IReadOnlyList<SdpStream>? Parse(string? sdp)
    {
        if (string.IsNullOrWhiteSpace(sdp) || sdp.Length > MaxLength)
        {
            return null;
        }

        var sessionAddress = string.Empty;
        var streams = new List<Builder>();
        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length < 2 || line[1] != '=')
            {
                continue;
            }

            var value = line[2..];
            var current = streams.Count > 0 ? streams[^1] : null;
            switch (line[0])
            {
                case 'c':
                    var address = ConnectionAddress(value);
                    if (current is null)
                    {
                        sessionAddress = address;
                    }
                    else
                    {
                        current.Address = address;
                    }

                    break;
                case 'm':
                    if (streams.Count == MaxStreams || Media(value) is not { } media)
                    {
                        return null;
                    }

                    streams.Add(media);
                    break;
                case 'a' when current is not null:
                    current.Attribute(value);
                    break;
            }
        }

        return streams.Count == 0 ? null : streams.Select(s => s.Build(sessionAddress)).ToList();
    }

    private static string ConnectionAddress(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3 ? parts[2].Split('/')[0] : string.Empty;
    }

    private static Builder? Media(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || !int.TryParse(parts[1].Split('/')[0], out var port) || port is < 0 or > 65535)
        {
            return null;
        }

        MediaKind? kind = parts[0] switch { "audio" => MediaKind.Audio, "video" => MediaKind.Video, _ => null };
        var types = parts.Skip(3).Select(p => int.TryParse(p, out var pt) ? pt : -1).Where(pt => pt is >= 0 and <= 127).ToList();
        return new Builder(kind, port, types);
    }

    private sealed class Builder(MediaKind? kind, int port, List<int> types)
    {
        private readonly Dictionary<int, CodecSpec> _maps = [];
        private MediaDirection _direction = MediaDirection.SendRecv;
        private int? _rtcpPort;
        private bool _mux;

        public string? Address { get; set; }

        public void Attribute(string value)
        {
            var colon = value.IndexOf(':');
            var name = colon < 0 ? value : value[..colon];
            var rest = colon < 0 ? string.Empty : value[(colon + 1)..];
            switch (name)
            {
                case "sendonly": _direction = MediaDirection.SendOnly; break;
                case "recvonly": _direction = MediaDirection.RecvOnly; break;
                case "inactive": _direction = MediaDirection.Inactive; break;
                case "sendrecv": _direction = MediaDirection.SendRecv; break;
                case "rtcp-mux": _mux = true; break;
                case "rtcp" when int.TryParse(rest.Split(' ')[0], out var rtcp): _rtcpPort = rtcp; break;
                case "rtpmap":
                    var parts = rest.Split(' ', 2);
                    var encoding = parts.Length == 2 ? parts[1].Split('/') : [];
                    if (int.TryParse(parts[0], out var pt) && encoding.Length >= 2 && int.TryParse(encoding[1], out var rate))
                    {
                        _maps[pt] = new CodecSpec(pt, encoding[0], rate);
                    }

                    break;
            }
        }

        public SdpStream Build(string sessionAddress)
        {
            var codecs = types.Select(pt => _maps.GetValueOrDefault(pt) ?? StaticTypes.GetValueOrDefault(pt)).OfType<CodecSpec>().ToList();
            var rtcp = _mux ? port : _rtcpPort ?? (port == 0 ? 0 : port + 1);
            return new SdpStream(kind, Address ?? sessionAddress, port, rtcp, _mux, codecs, _direction);
        }
    }
}
