using System.Text;
using CallCluster.Sip.Message;

namespace CallCluster.Sip.Tests.Message;

public sealed class MultipartBodyTests
{
    [Fact]
    public void Mpart01_splits_into_text_and_binary_parts_byte_exact()
    {
        var m = TortureData.Request("rfc4475", "mpart01.dat");
        Assert.True(SipMultipartBody.TryParse(m.Body, m.ContentType!.Boundary!, out var parts));
        Assert.Equal(2, parts.Count);
        Assert.Equal("text/plain", parts[0].ContentType);
        Assert.Equal("Hello", Encoding.ASCII.GetString(parts[0].Content.Span));
        Assert.Equal("application/octet-stream", parts[1].ContentType);
        Assert.Equal("binary", parts[1].Headers[1].Value);
        Assert.Equal(0x30, parts[1].Content.Span[0]);
        Assert.True(parts[1].Content.Span.Overlaps(m.Body.Span));
    }

    [Fact]
    public void Sdp_and_isup_parts_with_preamble()
    {
        var body = Encoding.ASCII.GetBytes("preamble\r\n--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--b1\r\nContent-Type: application/isup\r\n\r\n\u0001\u0002\r\n--b1--\r\n");
        Assert.True(SipMultipartBody.TryParse(body, "b1", out var parts));
        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(parts[0].Content.Span));
        Assert.Equal(new byte[] { 1, 2 }, parts[1].Content.ToArray());
    }

    [Theory]
    [InlineData("--b1\r\nContent-Type: text/plain\r\n\r\nno end")]
    [InlineData("no delimiter at all")]
    [InlineData("--b1\r\nbroken header line\r\n\r\nx\r\n--b1--")]
    [InlineData("--b1x\r\n\r\nx\r\n--b1--")]
    public void Malformed_multipart_bodies_are_refused(string text) =>
        Assert.False(SipMultipartBody.TryParse(Encoding.ASCII.GetBytes(text), "b1", out _));
}
