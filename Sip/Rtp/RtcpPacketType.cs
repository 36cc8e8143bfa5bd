namespace CallCluster.Sip.Rtp;

/// <summary>RTCP packet types (RFC 3550 section 12.1, RFC 4585 section 6.1).</summary>
public enum RtcpPacketType : byte
{
    /// <summary>Sender report.</summary>
    SenderReport = 200,

    /// <summary>Receiver report.</summary>
    ReceiverReport = 201,

    /// <summary>Source description.</summary>
    SourceDescription = 202,

    /// <summary>Goodbye.</summary>
    Goodbye = 203,

    /// <summary>Application-defined.</summary>
    ApplicationDefined = 204,

    /// <summary>Transport-layer feedback (generic NACK and others).</summary>
    TransportFeedback = 205,

    /// <summary>Payload-specific feedback (PLI, FIR and others).</summary>
    PayloadFeedback = 206,
}
