using System.Buffers;
using System.Text;
using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;

namespace CallCluster.Sip.Tests.Message;

public sealed class ConstructionTests
{
    private static SipRequest Invite => SipParserTests.Parse(SampleMessages.Invite);

    [Fact]
    public void Response_copies_via_from_to_call_id_and_cseq_and_adds_the_to_tag()
    {
        var request = Invite;
        var response = SipMessageFactory.CreateResponse(request, 180, toTag: "as83kd");
        Assert.Equal(180, response.StatusCode);
        Assert.Equal("Ringing", response.ReasonPhrase);
        Assert.Equal(request.Via, response.Via);
        Assert.Equal(request.From, response.From);
        Assert.Equal("as83kd", response.To!.Tag);
        Assert.Equal(request.To!.Uri, response.To.Uri);
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Equal(0, response.ContentLength);
        Assert.Empty(response.Contact);
        Assert.True(SipResponseValidator.TryValidate(response, out _));
    }

    [Fact]
    public void Response_keeps_an_existing_to_tag_and_a_custom_reason()
    {
        var request = Invite.WithHeader("To", "<sip:bob@biloxi.example.com>;tag=existing");
        var response = SipMessageFactory.CreateResponse(request, 486, "Busy Right Now", toTag: "other");
        Assert.Equal("existing", response.To!.Tag);
        Assert.Equal("Busy Right Now", response.ReasonPhrase);
        Assert.Throws<ArgumentOutOfRangeException>(() => SipMessageFactory.CreateResponse(request, 700));
    }

    [Fact]
    public void Header_edits_return_new_messages_and_leave_the_original_alone()
    {
        var original = Invite;
        var bytes = original.ToBytes();
        var edited = original.WithHeader("Max-Forwards", "69").AddHeader("X-Trace", "abc").RemoveHeader("Route").AddHeaderFirst("Via", "SIP/2.0/UDP b2bua.example.com;branch=z9hG4bKnew");
        Assert.Equal(bytes, original.ToBytes());
        Assert.Equal(69, edited.MaxForwards);
        Assert.Equal("abc", edited.GetHeaderValue("x-trace"));
        Assert.Empty(edited.Route);
        Assert.Equal(3, edited.Via.Count);
        Assert.Equal("b2bua.example.com", edited.TopVia!.Host);
        Assert.Equal(original.Body.ToArray(), edited.Body.ToArray());
        Assert.Equal(2, edited.RemoveTopVia().Via.Count);
        Assert.Equal(68, edited.WithDecrementedMaxForwards().MaxForwards);
    }

    [Fact]
    public void Top_via_edits_split_a_comma_separated_first_line()
    {
        var m = SipParserTests.Parse(SampleMessages.Invite.Replace(
            "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n",
            "Via: SIP/2.0/UDP a.example.com;branch=z9hG4bKa, SIP/2.0/UDP b.example.com;branch=z9hG4bKb\r\n", StringComparison.Ordinal));
        var removed = m.RemoveTopVia();
        Assert.Equal(["b.example.com", "[2001:db8::1]"], removed.Via.Select(v => v.Host));
        var replaced = m.WithTopVia(m.TopVia!.WithReceived("192.0.2.55").WithRPort(6000));
        Assert.Equal("192.0.2.55", replaced.TopVia!.Received);
        Assert.Equal(6000, replaced.TopVia.RPort);
        Assert.Equal(3, replaced.Via.Count);
    }

    [Fact]
    public void Body_edits_set_content_length_and_type()
    {
        var m = Invite.WithBody("hello"u8, "text/plain");
        Assert.Equal(5, m.ContentLength);
        Assert.Equal("text/plain", m.ContentType!.MediaType);
        Assert.Equal("hello"u8.ToArray(), m.Body.ToArray());
        var empty = m.WithBody([], null);
        Assert.Equal(0, empty.ContentLength);
        Assert.Null(empty.ContentType);
    }

    [Fact]
    public void Edits_refuse_line_breaks_and_bad_names()
    {
        Assert.Throws<ArgumentException>(() => Invite.WithHeader("X-Bad", "a\r\nInjected: yes"));
        Assert.Throws<ArgumentException>(() => Invite.WithHeader("Bad Name", "x"));
        Assert.Throws<ArgumentException>(() => Invite.WithHeader("CSeq", "not a cseq"));
    }

    [Fact]
    public void Request_uri_and_method_edits()
    {
        var m = Invite.WithRequestUri(SipUri.Parse("sip:bob@192.0.2.44:5070"));
        Assert.Equal(5070, m.RequestUri!.Port);
        var bye = m.WithMethod("BYE");
        Assert.Equal("BYE", bye.Method);
        Assert.Equal(new SipCSeq(314159, "BYE"), bye.CSeq);
    }

    [Fact]
    public void Builder_makes_a_valid_request()
    {
        var request = new SipRequestBuilder("OPTIONS", SipUri.Sip("bob", "biloxi.example.com"))
            .Via(new SipVia("UDP", "192.0.2.1", 5060, [new SipParameter("branch", "z9hG4bKb1"), new SipParameter("rport", null)]))
            .MaxForwards(70)
            .From(new NameAddress(SipUri.Sip("alice", "atlanta.example.com"), "Alice Liddell").WithTag("t1"))
            .To(new NameAddress(SipUri.Sip("bob", "biloxi.example.com")))
            .CallId("c1@192.0.2.1")
            .CSeq(7)
            .Contact(new NameAddress(SipUri.Sip("alice", "192.0.2.1", 5060)))
            .Header("Supported", "timer")
            .Body("v=0\r\n"u8, "application/sdp")
            .Build();
        Assert.Equal("OPTIONS", request.Method);
        Assert.Equal(new SipCSeq(7, "OPTIONS"), request.CSeq);
        Assert.Equal("Alice Liddell", request.From!.DisplayName);
        Assert.Equal("t1", request.From.Tag);
        Assert.Equal(5, request.ContentLength);
        Assert.True(request.TopVia!.HasRPort);
        Assert.True(SipRequestValidator.TryValidate(request, out var error), error.ToString());
        Assert.Throws<ArgumentException>(() => new SipRequestBuilder("BAD METHOD", SipUri.Sip(null, "x.example.com")).Build());
    }

    [Fact]
    public void Ack_and_cancel_are_derived_from_the_invite()
    {
        var invite = Invite;
        var busy = SipMessageFactory.CreateResponse(invite, 486, toTag: "bt");
        var ack = SipMessageFactory.CreateAckForNon2xx(invite, busy);
        Assert.Equal("ACK", ack.Method);
        Assert.Equal(new SipCSeq(314159, "ACK"), ack.CSeq);
        Assert.Equal("bt", ack.To!.Tag);
        Assert.Equal(invite.TopVia, Assert.Single(ack.Via));
        Assert.Equal(invite.Route, ack.Route);
        var cancel = SipMessageFactory.CreateCancel(invite);
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Null(cancel.To!.Tag);
        Assert.Equal(invite.RequestUri, cancel.RequestUri);
        Assert.Equal(invite.TopVia!.Branch, cancel.TopVia!.Branch);
    }

    [Fact]
    public void Write_to_buffer_writer_gives_the_same_bytes()
    {
        var writer = new ArrayBufferWriter<byte>();
        Invite.WriteTo(writer);
        Assert.Equal(SampleMessages.InviteBytes, writer.WrittenSpan.ToArray());
        Assert.Equal(SampleMessages.Invite, Invite.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount(SampleMessages.Invite), Invite.Length);
    }
}
