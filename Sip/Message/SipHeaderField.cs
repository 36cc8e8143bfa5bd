namespace CallCluster.Sip.Message;

/// <summary>One header field as text: the name as written and the value with folding replaced by a space.</summary>
public readonly record struct SipHeaderField(string Name, string Value)
{
    /// <summary>The known id of <see cref="Name"/>.</summary>
    public SipHeaderId Id => SipHeaderNames.Lookup(Name.AsSpan());
}
