namespace CallCluster.Sip.Sdp;

/// <summary>An a= line: a property ("a=rtcp-mux", <see cref="Value"/> null) or a value attribute ("a=ptime:20").</summary>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    /// <inheritdoc/>
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
