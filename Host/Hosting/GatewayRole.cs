using Akka.Actor;
using Akka.Hosting;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Hosting;
using CallCluster.Gateway.Hosting;
using CallCluster.Host.Configuration;
using CallCluster.Sip.Auth;
using CallCluster.Sip.Transport;

namespace CallCluster.Host.Hosting;

/// <summary>
/// Starts the gateway role once the node's regions exist: binds Sip:Listen, and attaches the
/// gateway to the outbox that session entities send their SIP effects to.
/// </summary>
public sealed class GatewayRole(CallClusterSettings settings, IConfiguration configuration, ActorSystem system, ActorRegistry registry, ILogger<GatewayRole> logger) : IHostedService
{
    public GatewayHandle? Handle { get; private set; }

    /// <summary>Creates the outbox early, at actor system start, so recovered sessions find it.</summary>
    public static void CreateOutbox(ActorSystem system, IActorRegistry registry) =>
        registry.TryRegister<GatewayOutboxMarker>(GatewayHosting.CreateOutbox(system));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var outbox = await registry.GetAsync<GatewayOutboxMarker>(cancellationToken);
        var ports = new GatewayPorts(
            Sessions: await registry.GetAsync<SessionRegion>(cancellationToken),
            Registrations: await registry.GetAsync<RegistrationRegion>(cancellationToken),
            MobileCalls: await registry.GetAsync<MobileCallsRegion>(cancellationToken),
            Directory: () => DirectoryView.Get(system).Current);
        var gatewaySettings = ToGatewaySettings(settings.Sip) with
        {
            ReusePort = configuration.GetValue<bool>("Sip:ReusePort"),
            SessionExpiresSeconds = configuration.GetValue("Sip:SessionExpires", 1800),
        };
        gatewaySettings = gatewaySettings with { DigestAlgorithms = DigestAlgorithmsSetting(configuration["Sip:DigestAlgorithms"]) };
        if (configuration["Sip:AuthSecret"] is { Length: >= 16 } secret)
        {
            gatewaySettings = gatewaySettings with { AuthSecret = secret };
        }
        else
        {
            logger.LogWarning("Sip:AuthSecret is not set (or shorter than 16 characters): digest nonces use the built-in key; set the same secret on every gateway node");
        }
        Handle = await GatewayHosting.StartAsync(system, gatewaySettings, ports, outbox);
        logger.LogInformation(
            "gateway listening on {Endpoints}, advertised {Advertised}",
            string.Join(", ", Handle.LocalEndpoints.Select(e => $"{e.Kind.ToString().ToLowerInvariant()}:{e.EndPoint}")),
            $"{Handle.Advertised.Host}:{Handle.Advertised.Port}");
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Handle?.Gateway.Tell(PoisonPill.Instance);
        return Task.CompletedTask;
    }

    /// <summary>`Sip:DigestAlgorithms`: a comma-separated list of SHA-256 and MD5, in the order offered.</summary>
    public static IReadOnlyList<DigestAlgorithm> DigestAlgorithmsSetting(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];
        }
        var list = new List<DigestAlgorithm>();
        foreach (var token in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DigestAlgorithms.TryParse(token, out var algorithm) || DigestAlgorithms.IsSession(algorithm))
            {
                throw new SettingsException($"Sip:DigestAlgorithms: '{token}' is not SHA-256 or MD5");
            }
            if (!list.Contains(algorithm))
            {
                list.Add(algorithm);
            }
        }
        return list;
    }

    public static GatewaySettings ToGatewaySettings(SipSection sip)
    {
        var listen = sip.Listen
            .Select(l => new SipListenEndpoint(l.Transport == "tcp" ? SipTransportKind.Tcp : SipTransportKind.Udp, l.EndPoint))
            .ToList();
        string? host = null;
        int? port = null;
        if (!string.IsNullOrWhiteSpace(sip.AdvertisedAddress))
        {
            var text = sip.AdvertisedAddress.Trim();
            var colon = text.LastIndexOf(':');
            if (colon > 0 && text[..colon].Count(c => c == ':') == 0 && int.TryParse(text[(colon + 1)..], out var p))
            {
                host = text[..colon];
                port = p;
            }
            else if (text.StartsWith('[') && text.Contains("]:", StringComparison.Ordinal) && int.TryParse(text[(text.IndexOf("]:", StringComparison.Ordinal) + 2)..], out var p6))
            {
                host = text[..(text.IndexOf(']') + 1)];
                port = p6;
            }
            else
            {
                host = text;
            }
        }
        return new GatewaySettings(listen, sip.Domain, host, port);
    }
}

/// <summary>ActorRegistry key of this node's gateway outbox.</summary>
public sealed class GatewayOutboxMarker;
