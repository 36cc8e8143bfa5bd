using CallCluster.Sip.Message;

namespace CallCluster.Gateway.Wire;

/// <summary>
/// What crosses the trust boundary. Identity and auto-answer headers are removed from every request
/// arriving from outside (terminals and trunks alike: the trust domain is the cluster itself);
/// the cluster asserts identity only through the headers the session decides. Outbound initial
/// INVITEs carry only an explicit allow-list of the caller's headers.
/// </summary>
public static class TrustPolicy
{
    /// <summary>Removed from anything received.</summary>
    public static readonly IReadOnlyList<string> Untrusted =
        ["P-Asserted-Identity", "P-Preferred-Identity", "Answer-Mode", "Priv-Answer-Mode", "Call-Info", "Alert-Info"];

    /// <summary>Caller headers copied to the callee's INVITE (everything else is rebuilt by the cluster).</summary>
    public static readonly IReadOnlyList<string> PassThrough = ["Subject", "Priority", "Organization", "Accept-Language"];

    /// <summary>The request without any <see cref="Untrusted"/> header.</summary>
    public static SipRequest Strip(SipRequest request)
    {
        foreach (var name in Untrusted)
        {
            if (request.HasHeader(name))
            {
                request = request.RemoveHeader(name);
            }
        }

        return request;
    }

    /// <summary>The allow-listed headers of <paramref name="request"/>, bounded in number and size.</summary>
    public static IReadOnlyList<(string Name, string Value)> Copied(SipRequest request)
    {
        var result = new List<(string, string)>();
        foreach (var name in PassThrough)
        {
            foreach (var value in request.GetHeaderValues(name).Take(4))
            {
                if (value.Length <= 256)
                {
                    result.Add((name, value));
                }
            }
        }

        return result;
    }
}
