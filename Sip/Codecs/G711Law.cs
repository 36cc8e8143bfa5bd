namespace CallCluster.Sip.Codecs;

/// <summary>The two companding laws of ITU-T G.711.</summary>
public enum G711Law : byte
{
    /// <summary>mu-law, RTP static payload type 0 (PCMU).</summary>
    MuLaw = 0,

    /// <summary>A-law, RTP static payload type 8 (PCMA).</summary>
    ALaw = 8,
}
