namespace CallCluster.Sip.Message;

/// <summary>Where one header field sits in a message's bytes (offsets from the message start).</summary>
internal readonly record struct HeaderEntry(int NameStart, ushort NameLength, SipHeaderId Id, bool Folded, int ValueStart, int ValueLength);

/// <summary>Where the parts of the start line sit: request (method, URI) or response (code, reason).</summary>
internal readonly record struct StartLineLayout(int MethodLength, int UriStart, int UriLength, int StatusCode, int ReasonStart, int ReasonLength, int HeadersStart);
