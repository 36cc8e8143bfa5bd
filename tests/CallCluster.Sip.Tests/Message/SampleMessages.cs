using System.Text;

namespace CallCluster.Sip.Tests.Message;

/// <summary>Typical messages used by several tests and the benchmarks' shape.</summary>
internal static class SampleMessages
{
    public const string Sdp =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=sendrecv\r\n";

    public static readonly string Invite =
        "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Via: SIP/2.0/TCP [2001:db8::1]:5061;branch=z9hG4bKnashds8;received=192.0.2.1\r\n" +
        "Max-Forwards: 70\r\n" +
        "Route: <sip:proxy.example.com;lr>, <sip:edge.example.com;lr>\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>\r\n" +
        "From: \"Alice \\\"A\\\"\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@pc33.atlanta.example.com;transport=tcp>;expires=3600;q=0.7\r\n" +
        "Supported: timer, replaces\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n" +
        "Session-Expires: 1800;refresher=uac\r\n" +
        "P-Asserted-Identity: \"Alice\" <sip:+15551234567@atlanta.example.com;user=phone>\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: " + Encoding.ASCII.GetByteCount(Sdp) + "\r\n" +
        "\r\n" +
        Sdp;

    public static byte[] InviteBytes => Encoding.UTF8.GetBytes(Invite);

    public static readonly string Ok200 =
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5062\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf\r\n" +
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:bob@192.0.2.4>\r\n" +
        "WWW-Authenticate: Digest realm=\"atlanta.example.com\", qop=\"auth\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", algorithm=SHA-256, stale=FALSE\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    public static byte[] Ok200Bytes => Encoding.UTF8.GetBytes(Ok200);
}
