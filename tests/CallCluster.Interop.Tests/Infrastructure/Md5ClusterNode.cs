namespace CallCluster.Interop.Tests.Infrastructure;

/// <summary>The interop node offering only MD5 digest (Sip:DigestAlgorithms=MD5), for user agents that know nothing else.</summary>
public sealed class Md5ClusterNode : ClusterNode
{
    protected override IEnumerable<string> ExtraArguments => ["--Sip:DigestAlgorithms=MD5"];
}
