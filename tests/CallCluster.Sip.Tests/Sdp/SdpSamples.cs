namespace CallCluster.Sip.Tests.Sdp;

internal static class SdpSamples
{
    public const string AudioVideoOffer =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "b=AS:2048\r\n" +
        "t=0 0\r\n" +
        "a=sendrecv\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n" +
        "a=rtcp:49171\r\n" +
        "m=video 51372 RTP/AVPF 96 97\r\n" +
        "b=TIAS:1500000\r\n" +
        "a=rtpmap:96 VP8/90000\r\n" +
        "a=rtpmap:97 H264/90000\r\n" +
        "a=fmtp:97 profile-level-id=42e01f;packetization-mode=1\r\n" +
        "a=rtcp-fb:96 nack pli\r\n" +
        "a=rtcp-fb:96 ccm fir\r\n" +
        "a=rtcp-fb:* nack\r\n" +
        "a=rtcp-mux\r\n" +
        "a=recvonly\r\n";

    public const string Ipv6Audio =
        "v=0\r\n" +
        "o=- 1 2 IN IP6 2001:db8::1\r\n" +
        "s=call\r\n" +
        "i=an IPv6 call\r\n" +
        "u=http://example.com/call\r\n" +
        "e=ops@example.com\r\n" +
        "p=+1 555 0100\r\n" +
        "t=2873397496 2873404696\r\n" +
        "r=7d 1h 0 25h\r\n" +
        "z=2882844526 -1h 2898848070 0\r\n" +
        "m=audio 5004/2 RTP/AVP 8\r\n" +
        "c=IN IP6 2001:db8::2\r\n" +
        "a=rtcp:5010 IN IP6 2001:db8::3\r\n" +
        "a=maxptime:40\r\n" +
        "a=inactive\r\n";

    public const string OldHold =
        "v=0\r\n" +
        "o=bob 1 7 IN IP4 198.51.100.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 0.0.0.0\r\n" +
        "t=0 0\r\n" +
        "m=audio 3456 RTP/AVP 0\r\n";
}
