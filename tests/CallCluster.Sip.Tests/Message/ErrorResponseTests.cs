using System.Text;
using CallCluster.Sip.Message;

namespace CallCluster.Sip.Tests.Message;

public sealed class ErrorResponseTests
{
    private static (SipParseError Error, byte[] Bytes) Rejected(string file)
    {
        var bytes = TortureData.Load("rfc4475", file);
        Assert.False(SipParser.TryParse(bytes, out _, out var error));
        return (error, bytes);
    }

    [Theory]
    [InlineData("badvers.dat", 505)]
    [InlineData("clerr.dat", 400)]
    [InlineData("ncl.dat", 400)]
    [InlineData("lwsstart.dat", 400)]
    [InlineData("mismatch01.dat", 400)]
    [InlineData("multi01.dat", 400)]
    public void Requests_the_parser_rejects_can_still_be_answered(string file, int status)
    {
        var (error, bytes) = Rejected(file);
        Assert.True(SipErrorResponse.TryCreate(bytes, error, "rt1", out var response));
        Assert.Equal(status, response!.StatusCode);
        Assert.NotNull(response.TopVia);
        Assert.NotNull(response.CallId);
        Assert.Equal("rt1", response.To!.Tag);
        Assert.Equal(0, response.ContentLength);
    }

    [Fact]
    public void Copied_values_match_the_request()
    {
        var text = SampleMessages.Invite.Replace("SIP/2.0\r\nVia", "SIP/2.1\r\nVia", StringComparison.Ordinal);
        Assert.False(SipParser.TryParse(Encoding.ASCII.GetBytes(text), out _, out var error));
        Assert.True(SipErrorResponse.TryCreate(Encoding.ASCII.GetBytes(text), error, null, out var response));
        var request = SipParserTests.Parse(SampleMessages.Invite);
        Assert.Equal(505, response!.StatusCode);
        Assert.Equal(request.Via, response.Via);
        Assert.Equal(request.From, response.From);
        Assert.Equal(request.To, response.To);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Empty(response.Contact);
    }

    [Fact]
    public void Responses_and_messages_without_the_needed_headers_are_not_answered()
    {
        var (insufError, insuf) = Rejected("insuf.dat");
        Assert.False(SipErrorResponse.TryCreate(insuf, insufError, null, out var none));
        Assert.Null(none);
        var bigcode = TortureData.Load("rfc4475", "bigcode.dat");
        Assert.False(SipParser.TryParse(bigcode, out _, out var dropError));
        Assert.False(SipErrorResponse.TryCreate(bigcode, dropError, null, out _));
        Assert.False(SipErrorResponse.TryCreate("garbage"u8, new SipParseError(SipRejectReason.InvalidRequestLine, "x", false), null, out _));
    }
}
