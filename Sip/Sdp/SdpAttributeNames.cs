namespace CallCluster.Sip.Sdp;

/// <summary>Common attribute names, returned as shared strings so that parsing does not allocate them.</summary>
internal static class SdpAttributeNames
{
    private static readonly string[] Known =
    [
        "rtpmap", "fmtp", "rtcp", "rtcp-fb", "rtcp-mux", "ptime", "maxptime", "sendrecv", "sendonly", "recvonly",
        "inactive", "mid", "ssrc", "group", "msid", "setup", "fingerprint", "ice-ufrag", "ice-pwd", "candidate",
        "extmap", "crypto", "label", "framerate", "rtcp-rsize", "ssrc-group", "end-of-candidates", "ice-options",
    ];

    /// <summary>The shared string equal to the ASCII <paramref name="name"/>, or null.</summary>
    public static string? Find(ReadOnlySpan<byte> name)
    {
        foreach (string known in Known)
        {
            if (known.Length == name.Length && Matches(known, name))
            {
                return known;
            }
        }

        return null;
    }

    private static bool Matches(string known, ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (known[i] != name[i])
            {
                return false;
            }
        }

        return true;
    }
}
