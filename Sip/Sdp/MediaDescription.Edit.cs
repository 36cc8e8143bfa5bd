using System.Globalization;
using CallCluster.Sip.Rtp;

namespace CallCluster.Sip.Sdp;

public sealed partial record MediaDescription
{
    private static readonly string[] FormatAttributes = ["rtpmap", "fmtp", "rtcp-fb"];

    /// <summary>Copy with another port; an a=rtcp line is replaced by <paramref name="rtcpPort"/>, or removed when it is null (RTCP then uses port + 1, or the RTP port with rtcp-mux).</summary>
    public MediaDescription WithPort(int port, int? rtcpPort = null)
    {
        var attributes = WithoutAttributes(Attributes, "rtcp");
        if (rtcpPort is int rtcp)
        {
            attributes = InsertAfterFormats(attributes, new SdpAttribute("rtcp", rtcp.ToString(CultureInfo.InvariantCulture)));
        }

        return this with { Port = port, Attributes = attributes };
    }

    /// <summary>Copy whose media-level c= (if present) and a=rtcp address (if present) name <paramref name="address"/>.</summary>
    public MediaDescription WithConnectionAddress(string address)
    {
        var attributes = Attributes;
        var rtcp = Rtcp;
        if (rtcp?.Connection is not null)
        {
            attributes = ReplaceFirst(attributes, "rtcp", new SdpAttribute("rtcp", (rtcp with { Connection = SdpConnection.Create(address) }).ToString()));
        }

        return this with
        {
            Connection = Connection is null ? null : SdpConnection.Create(address),
            Attributes = attributes,
        };
    }

    /// <summary>Copy with exactly one media-level direction attribute.</summary>
    public MediaDescription WithDirection(SdpDirection direction)
    {
        var attributes = Attributes.Where(a => a.Value is not null || !SdpDirectionExtensions.TryParse(a.Name, out _));
        return this with { Attributes = ValueList.From(attributes).Add(new SdpAttribute(direction.ToAttributeName())) };
    }

    /// <summary>Copy without media-level direction attribute (the session's applies).</summary>
    public MediaDescription WithoutDirection() =>
        this with { Attributes = ValueList.From(Attributes.Where(a => a.Value is not null || !SdpDirectionExtensions.TryParse(a.Name, out _))) };

    /// <summary>Copy with an attribute appended.</summary>
    public MediaDescription WithAttribute(string name, string? value = null) =>
        this with { Attributes = Attributes.Add(new SdpAttribute(name, value)) };

    /// <summary>Copy without any attribute of this name.</summary>
    public MediaDescription WithoutAttribute(string name) => this with { Attributes = WithoutAttributes(Attributes, name) };

    /// <summary>
    /// Copy keeping only <paramref name="formats"/> (in the given order) and the rtpmap, fmtp and
    /// rtcp-fb lines that belong to them ("*" rtcp-fb lines stay).
    /// </summary>
    public MediaDescription WithFormats(IEnumerable<string> formats)
    {
        var keep = formats.ToArray();
        var attributes = Attributes.Where(a =>
        {
            if (!FormatAttributes.Contains(a.Name) || a.Value is null)
            {
                return true;
            }

            int space = a.Value.IndexOf(' ', StringComparison.Ordinal);
            string format = space < 0 ? a.Value : a.Value[..space];
            return format == "*" || keep.Contains(format);
        });
        return this with { Formats = ValueList.Create<string>(keep), Attributes = ValueList.From(attributes) };
    }

    private static ValueList<SdpAttribute> WithoutAttributes(ValueList<SdpAttribute> attributes, string name) =>
        ValueList.From(attributes.Where(a => a.Name != name));

    private static ValueList<SdpAttribute> ReplaceFirst(ValueList<SdpAttribute> attributes, string name, SdpAttribute replacement)
    {
        for (int i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Name == name)
            {
                return attributes.SetItem(i, replacement);
            }
        }

        return attributes.Add(replacement);
    }

    private static ValueList<SdpAttribute> InsertAfterFormats(ValueList<SdpAttribute> attributes, SdpAttribute attribute)
    {
        int index = 0;
        for (int i = 0; i < attributes.Count; i++)
        {
            if (FormatAttributes.Contains(attributes[i].Name))
            {
                index = i + 1;
            }
        }

        return new ValueList<SdpAttribute>(attributes.Items.Insert(index, attribute));
    }
}
