using CallCluster.Sip.Message;

namespace CallCluster.Sip.Tests.Message;

/// <summary>One theory case per RFC 4475 MANIFEST row: the behaviour a SIP element must show.</summary>
public sealed class Rfc4475ManifestTests
{
    // Expected outcome: "accept", a status code for a rejected request, or "drop" for a rejected response.
    // Rows the RFC leaves open ("400, or liberal acceptance") record the choice this stack makes.
    private static readonly Dictionary<string, (string Outcome, SipRejectReason Reason)> Expected = new()
    {
        ["wsinv.dat"] = ("accept", default), ["intmeth.dat"] = ("accept", default), ["esc01.dat"] = ("accept", default),
        ["escnull.dat"] = ("accept", default), ["esc02.dat"] = ("accept", default), ["lwsdisp.dat"] = ("accept", default),
        ["longreq.dat"] = ("accept", default), ["dblreq.dat"] = ("accept", default), ["semiuri.dat"] = ("accept", default),
        ["transports.dat"] = ("accept", default), ["mpart01.dat"] = ("accept", default), ["unreason.dat"] = ("accept", default),
        ["noreason.dat"] = ("accept", default),
        ["badinv01.dat"] = ("400", SipRejectReason.InvalidHeaderValue), ["clerr.dat"] = ("400", SipRejectReason.BodyTruncated),
        ["ncl.dat"] = ("400", SipRejectReason.InvalidContentLength), ["scalar02.dat"] = ("400", SipRejectReason.InvalidCSeq),
        ["scalarlg.dat"] = ("drop", SipRejectReason.InvalidCSeq), ["quotbal.dat"] = ("400", SipRejectReason.InvalidHeaderValue),
        ["ltgtruri.dat"] = ("400", SipRejectReason.InvalidRequestUri), ["lwsruri.dat"] = ("400", SipRejectReason.InvalidRequestLine),
        ["lwsstart.dat"] = ("400", SipRejectReason.InvalidRequestLine), ["trws.dat"] = ("400", SipRejectReason.InvalidRequestLine),
        ["escruri.dat"] = ("400", SipRejectReason.InvalidRequestUri), ["baddate.dat"] = ("accept", default),
        ["regbadct.dat"] = ("accept", default), ["badaspec.dat"] = ("400", SipRejectReason.InvalidHeaderValue),
        ["badvers.dat"] = ("505", SipRejectReason.VersionNotSupported),
        ["baddn.dat"] = ("400", SipRejectReason.InvalidLineEnding), // the file lacks the empty line ending the headers
        ["mismatch01.dat"] = ("400", SipRejectReason.InvalidCSeq), ["mismatch02.dat"] = ("400", SipRejectReason.InvalidCSeq),
        ["bigcode.dat"] = ("drop", SipRejectReason.InvalidStatusCode), ["badbranch.dat"] = ("accept", default),
        ["insuf.dat"] = ("400", SipRejectReason.MissingHeader), ["unkscm.dat"] = ("416", SipRejectReason.UnsupportedUriScheme),
        ["novelsc.dat"] = ("416", SipRejectReason.UnsupportedUriScheme), ["unksm2.dat"] = ("accept", default),
        ["bext01.dat"] = ("420", SipRejectReason.BadExtension), ["invut.dat"] = ("415", SipRejectReason.UnsupportedMediaType),
        ["regaut01.dat"] = ("accept", default), ["multi01.dat"] = ("400", SipRejectReason.DuplicateHeader),
        ["mcl01.dat"] = ("400", SipRejectReason.DuplicateHeader), ["bcast.dat"] = ("drop", SipRejectReason.InvalidViaSentBy),
        ["zeromf.dat"] = ("483", SipRejectReason.TooManyHops), ["cparam01.dat"] = ("accept", default),
        ["cparam02.dat"] = ("accept", default), ["regescrt.dat"] = ("accept", default), ["sdp01.dat"] = ("accept", default),
        ["inv2543.dat"] = ("accept", default),
    };

    public static IEnumerable<object[]> Rows => TortureData.Manifest("rfc4475");

    [Fact]
    public void Manifest_lists_49_messages_all_present()
    {
        var rows = Rows.ToList();
        Assert.Equal(49, rows.Count);
        Assert.All(rows, r => Assert.True(File.Exists(Path.Combine(TortureData.Folder("rfc4475"), (string)r[0]))));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Message_gets_the_manifest_behaviour(string file, string kind, string behaviour)
    {
        Assert.True(Expected.TryGetValue(file, out var expected), $"no expectation for {file} ({kind}: {behaviour})");
        var outcome = TortureData.Evaluate(TortureData.Load("rfc4475", file));
        switch (expected.Outcome)
        {
            case "accept":
                Assert.True(outcome.Accepted, $"{file}: {outcome.Error}");
                Assert.False(outcome.Error.IsError);
                break;
            case "drop":
                Assert.False(outcome.Accepted);
                Assert.Equal(expected.Reason, outcome.Error.Reason);
                Assert.True(outcome.Error.IsSilentDrop);
                Assert.Null(outcome.Error.ToStatusCode());
                break;
            default:
                Assert.False(outcome.Accepted, $"{file} was accepted");
                Assert.Equal(expected.Reason, outcome.Error.Reason);
                Assert.Equal(int.Parse(expected.Outcome, System.Globalization.CultureInfo.InvariantCulture), outcome.Error.ToStatusCode());
                Assert.Contains(expected.Outcome, behaviour, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void Unquoted_display_name_with_comma_is_rejected_once_the_header_section_is_complete()
    {
        var data = TortureData.Load("rfc4475", "baddn.dat").Concat("\r\n"u8.ToArray()).ToArray();
        var outcome = TortureData.Evaluate(data);
        Assert.Equal(SipRejectReason.InvalidHeaderValue, outcome.Error.Reason);
        Assert.Equal(400, outcome.Error.ToStatusCode());
    }

    [Fact]
    public void Zero_max_forwards_is_answered_by_a_uas_that_does_not_forward()
    {
        var outcome = TortureData.Evaluate(TortureData.Load("rfc4475", "zeromf.dat"), forwarding: false);
        Assert.True(outcome.Accepted);
        Assert.Equal(0, outcome.Message!.MaxForwards);
    }
}
