using CallCluster.Sip.Message;
using CallCluster.Sip.Message.Headers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCluster.Sip.Tests.Message;

/// <summary>The parts of a generated request.</summary>
public sealed record RequestSpec(
    string Method, string User, string Host, int? Port, string? Display, string Tag, string CallId, int CSeq,
    string[] Branches, (string Name, string Value)[] Extra, byte[] Body)
{
    public SipRequest Build()
    {
        var builder = new SipRequestBuilder(Method, SipUri.Sip(User, Host, Port))
            .MaxForwards(70)
            .From(new NameAddress(SipUri.Sip(User, Host), Display).WithTag(Tag))
            .To(new NameAddress(SipUri.Sip("to" + User, Host, Port)))
            .CallId(CallId)
            .CSeq(CSeq);
        foreach (var b in Branches)
        {
            builder.Via(new SipVia("UDP", Host, Port, [new SipParameter("branch", SipVia.MagicCookie + b)]));
        }

        foreach (var (name, value) in Extra)
        {
            builder.Header(name, value);
        }

        if (Body.Length > 0)
        {
            builder.Body(Body, "application/octet-stream");
        }

        return builder.Build();
    }

    public override string ToString() => $"{Method} {User}@{Host}:{Port} display={Display} tag={Tag} body={Body.Length}";
}

public static class RequestArbitraries
{
    private const string TokenChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";

    private static Gen<string> Chars(string alphabet, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(a => new string(a));

    private static Gen<string> Token => Chars(TokenChars, 1, 12);

    private static Gen<string> Host => Gen.OneOf(
        Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Chars("abcdefghijklmnopqrstuvwxyz0123456789", 1, 10), n)).Select(l => string.Join('.', l) + ".example"),
        Gen.ArrayOf(Gen.Choose(0, 255), 4).Select(o => string.Join('.', o)),
        Gen.Choose(1, 65535).Select(x => $"[2001:db8::{x:x}]"));

    public static Arbitrary<RequestSpec> Requests() =>
        (from method in Gen.OneOf(Gen.Elements("INVITE", "OPTIONS", "BYE", "REGISTER", "MESSAGE"), Token)
         from user in Chars("abcdefghijklmnopqrstuvwxyz0123456789 @:%&=+$,;?/-_.!~*'()", 1, 16)
         from host in Host
         from port in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 65535).Select(p => (int?)p))
         from display in Gen.OneOf(Gen.Constant<string?>(null), Chars(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCZ[\\]^_`abcz{|}~", 1, 20).Select(s => (string?)s))
         from tag in Token
         from callId in Token.SelectMany(a => Token.Select(b => a + "@" + b))
         from cseq in Gen.Choose(0, int.MaxValue)
         from branches in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Token, n))
         from extra in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Token.SelectMany(name => Chars("abc xyz,;=\"<>:@0123456789", 1, 30).Select(v => ("X-" + name, v.Trim().Length == 0 ? "v" : v.Trim()))), n))
         from body in Gen.Choose(0, 200).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))
         select new RequestSpec(method, user, host, port, display?.Trim().Length > 0 ? display : null, tag, callId, cseq, branches, extra, body))
        .ToArbitrary();
}

[Properties(Arbitrary = [typeof(RequestArbitraries)], MaxTest = 300)]
public sealed class RoundTripProperties
{
    [Property]
    public bool Parse_of_serialised_request_equals_the_request(RequestSpec spec)
    {
        var built = spec.Build();
        if (!SipParser.TryParse(built.ToBytes(), out var parsed, out _) || parsed is not SipRequest r)
        {
            return false;
        }

        return r.Method == spec.Method
            && r.RequestUri!.Equals(built.RequestUri)
            && r.RequestUri.User == spec.User
            && r.From!.Equals(built.From) && r.From.DisplayName == spec.Display && r.From.Tag == spec.Tag
            && r.To!.Equals(built.To)
            && r.CallId == spec.CallId
            && r.CSeq == new SipCSeq(spec.CSeq, spec.Method)
            && r.Via.Select(v => v.Branch).SequenceEqual(spec.Branches.Select(b => SipVia.MagicCookie + b))
            && r.Via.SequenceEqual(built.Via)
            && spec.Extra.All(e => r.GetHeaderValues(e.Name).Contains(e.Value))
            && r.Headers.SequenceEqual(built.Headers)
            && r.Body.Span.SequenceEqual(spec.Body)
            && r.ToBytes().AsSpan().SequenceEqual(built.ToBytes());
    }

    [Property]
    public bool Parse_of_serialised_response_equals_the_response(RequestSpec spec)
    {
        var response = SipMessageFactory.CreateResponse(spec.Build(), 100 + (spec.CSeq % 600), toTag: spec.Tag + "x");
        if (!SipParser.TryParse(response.ToBytes(), out var parsed, out _) || parsed is not SipResponse r)
        {
            return false;
        }

        return r.StatusCode == response.StatusCode && r.ReasonPhrase == response.ReasonPhrase
            && r.Headers.SequenceEqual(response.Headers)
            && r.To!.Equals(response.To) && r.To.Tag == spec.Tag + "x"
            && r.Via.SequenceEqual(response.Via) && r.CSeq == response.CSeq;
    }

    [Property]
    public bool Uri_text_round_trips(RequestSpec spec)
    {
        var uri = SipUri.Sip(spec.User, spec.Host, spec.Port, parameters: [new SipParameter("transport", "tcp"), new SipParameter("lr", null)]);
        return SipUri.TryParse(uri.ToString(), out var again) && again.Equals(uri) && again.User == spec.User && again.LooseRouting;
    }
}
