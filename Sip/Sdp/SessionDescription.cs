using System.Text;
using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

/// <summary>
/// A session description (RFC 8866): session-level lines and the m= sections, immutable.
/// Read with <see cref="SdpParser"/>, written with <see cref="ToBytes"/>.
/// </summary>
public sealed record SessionDescription
{
    /// <summary>v=, always 0.</summary>
    public int Version { get; init; }

    /// <summary>o=.</summary>
    public required SdpOrigin Origin { get; init; }

    /// <summary>s=, "-" when there is nothing to say.</summary>
    public string SessionName { get; init; } = "-";

    /// <summary>i=, or null.</summary>
    public string? Information { get; init; }

    /// <summary>u=, or null.</summary>
    public string? Uri { get; init; }

    /// <summary>e= lines.</summary>
    public ValueList<string> Emails { get; init; }

    /// <summary>p= lines.</summary>
    public ValueList<string> Phones { get; init; }

    /// <summary>Session-level c=, or null when every m= section has its own.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>Session-level b= lines.</summary>
    public ValueList<SdpBandwidth> Bandwidths { get; init; }

    /// <summary>t= lines with their r= lines; a description without t= reads as "t=0 0", and an empty list is written as "t=0 0".</summary>
    public ValueList<SdpTiming> Timings { get; init; }

    /// <summary>z= value, or null.</summary>
    public string? TimeZones { get; init; }

    /// <summary>k= value (obsolete), or null.</summary>
    public string? Key { get; init; }

    /// <summary>Session-level a= lines in order.</summary>
    public ValueList<SdpAttribute> Attributes { get; init; }

    /// <summary>The m= sections in order.</summary>
    public ValueList<MediaDescription> Media { get; init; }

    /// <summary>The session-level direction attribute, or null.</summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Value is null && SdpDirectionExtensions.TryParse(attribute.Name, out var direction))
                {
                    return direction;
                }
            }

            return null;
        }
    }

    /// <summary>The direction in force for m= section <paramref name="index"/>: its own attribute, else the session's, else sendrecv.</summary>
    public SdpDirection GetDirection(int index) => GetDirection(Media[index]);

    /// <summary>The direction in force for <paramref name="media"/>: its own attribute, else the session's, else sendrecv.</summary>
    public SdpDirection GetDirection(MediaDescription media) => media.Direction ?? Direction ?? SdpDirection.SendRecv;

    /// <summary>The connection in force for m= section <paramref name="index"/>: its own, else the session's (may be null).</summary>
    public SdpConnection? GetConnection(int index) => GetConnection(Media[index]);

    /// <summary>The connection in force for <paramref name="media"/>: its own, else the session's (may be null).</summary>
    public SdpConnection? GetConnection(MediaDescription media) => media.Connection ?? Connection;

    /// <summary>
    /// Copy where media flows to <paramref name="address"/>: the session-level c= is set to it, and
    /// media-level c= lines and a=rtcp addresses that exist are rewritten to it.
    /// </summary>
    public SessionDescription WithConnection(string address) => this with
    {
        Connection = SdpConnection.Create(address),
        Media = ValueList.From(Media.Select(m => m.WithConnectionAddress(address))),
    };

    /// <summary>Copy with the port of m= section <paramref name="index"/> changed (see <see cref="MediaDescription.WithPort"/>).</summary>
    public SessionDescription WithMediaPort(int index, int port, int? rtcpPort = null) =>
        this with { Media = Media.SetItem(index, Media[index].WithPort(port, rtcpPort)) };

    /// <summary>Copy with m= section <paramref name="index"/> replaced.</summary>
    public SessionDescription WithMedia(int index, MediaDescription media) => this with { Media = Media.SetItem(index, media) };

    /// <summary>Copy with the origin's version increased by one (required on every change, RFC 3264 section 8).</summary>
    public SessionDescription WithNextVersion() => this with { Origin = Origin.WithNextVersion() };

    /// <summary>Copy with the origin's version set (e.g. previous version + 1 on a node that took over).</summary>
    public SessionDescription WithVersion(ulong version) => this with { Origin = Origin with { SessionVersion = version } };

    /// <summary>The description as UTF-8 bytes with CRLF line ends.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    /// <summary>The description as text with CRLF line ends.</summary>
    public override string ToString() => SdpWriter.Write(this);
}
