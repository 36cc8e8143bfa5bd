namespace CallCluster.Sip.Sdp;

/// <summary>Every reason a session description is rejected by <see cref="SdpParser"/>.</summary>
public enum SdpRejectReason : byte
{
    /// <summary>Parsed.</summary>
    None = 0,

    /// <summary>No bytes, or only blank lines.</summary>
    Empty,

    /// <summary>Larger than <see cref="SdpParserLimits.MaxSize"/>.</summary>
    TooLarge,

    /// <summary>More lines than <see cref="SdpParserLimits.MaxLines"/>.</summary>
    TooManyLines,

    /// <summary>More m= lines than <see cref="SdpParserLimits.MaxMediaDescriptions"/>.</summary>
    TooManyMediaDescriptions,

    /// <summary>A line longer than <see cref="SdpParserLimits.MaxLineLength"/>.</summary>
    LineTooLong,

    /// <summary>A line not of the form "x=value".</summary>
    MalformedLine,

    /// <summary>A type letter this parser does not know (RFC 8866 section 5 allows rejection).</summary>
    UnknownLineType,

    /// <summary>A line type in a place the grammar does not allow (for example o= inside a media section).</summary>
    MisplacedLine,

    /// <summary>The first line is not v=.</summary>
    MissingVersion,

    /// <summary>v= is not 0.</summary>
    UnsupportedVersion,

    /// <summary>No o= line.</summary>
    MissingOrigin,

    /// <summary>o= does not have six fields with a numeric version.</summary>
    InvalidOrigin,

    /// <summary>No s= line.</summary>
    MissingSessionName,

    /// <summary>c= is not "IN IP4|IP6 address".</summary>
    InvalidConnection,

    /// <summary>b= is not "type:number".</summary>
    InvalidBandwidth,

    /// <summary>t= is not two numbers.</summary>
    InvalidTiming,

    /// <summary>m= is not "media port[/count] proto fmt...", or the port is out of range.</summary>
    InvalidMedia,

    /// <summary>An a=rtpmap, a=fmtp or a=rtcp line whose value does not follow its grammar.</summary>
    InvalidAttribute,

    /// <summary>Bytes that are not valid UTF-8.</summary>
    InvalidEncoding,
}

/// <summary>Why a session description was rejected, and on which line (1-based, 0 when not line-specific).</summary>
public readonly record struct SdpParseError(SdpRejectReason Reason, int Line)
{
    /// <summary>No error.</summary>
    public static SdpParseError None => default;

    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{Reason} at line {Line}" : Reason.ToString();
}
