using k8s;
using k8s.Models;

namespace CallCluster.Deploy.Tests;

public sealed class OverlayTests
{
    public static TheoryData<string> Overlays => new() { "local", "production" };

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Renders_and_every_object_passes_strict_schema_deserialisation(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);

        Assert.NotEmpty(rendered.Objects);
        Assert.All(rendered.Objects, o => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o));
        Assert.All(rendered.Objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o =>
        {
            Assert.False(string.IsNullOrEmpty(o.Metadata?.Name), $"{o.Kind} without a name");
            if (o.Kind != "Namespace")
            {
                Assert.Equal("callcluster", o.Metadata!.NamespaceProperty);
            }
        });
        var kinds = rendered.Objects.Cast<IKubernetesObject<V1ObjectMeta>>().Select(o => o.Kind).ToHashSet();
        Assert.Subset<string>(kinds, new HashSet<string> { "StatefulSet", "Service", "ConfigMap", "PodDisruptionBudget" });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_CALLCLUSTER_variable_is_a_setting_the_node_reads(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var known = NodeSettingsKeys.Load();

        foreach (var (set, container) in Containers(rendered))
        {
            var env = new ContainerEnvironment(rendered, container);
            Assert.Empty(env.UnresolvedReferences);
            foreach (var name in env.Values.Keys)
            {
                var key = ContainerEnvironment.ConfigurationKey(name);
                if (key is not null)
                {
                    Assert.True(known.Contains(NodeSettingsKeys.WithoutIndices(key)),
                        $"{overlay}/{set.Metadata.Name}: {name} maps to {key}, which Host/appsettings.json does not define");
                }
            }

            Assert.NotNull(env["CALLCLUSTER_Node__Roles__0"]);
            Assert.NotNull(env["CALLCLUSTER_Cluster__Hostname"]);
            Assert.Equal("postgres", env["CALLCLUSTER_Persistence__Provider"]);
            Assert.Contains("<secret:callcluster-db/password>", env["CALLCLUSTER_Persistence__ConnectionString"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Probes_and_ports_match_the_listen_settings(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);

        foreach (var (set, container) in Containers(rendered))
        {
            var env = new ContainerEnvironment(rendered, container);
            var ports = container.Ports ?? [];

            var httpPort = new Uri(env["CALLCLUSTER_Http__Listen"] ?? throw new InvalidOperationException("no Http:Listen")).Port;
            Assert.Contains(ports, p => p.Name == "http" && p.ContainerPort == httpPort);
            Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("http", container.ReadinessProbe.HttpGet.Port.Value);
            Assert.Equal("http", container.LivenessProbe.HttpGet.Port.Value);

            var akkaPort = int.Parse(env["CALLCLUSTER_Cluster__Port"] ?? "0");
            Assert.Contains(ports, p => p.Name == "akka" && p.ContainerPort == akkaPort);
            foreach (var seed in env.Values.Where(kv => kv.Key.StartsWith("CALLCLUSTER_Cluster__Seeds__", StringComparison.Ordinal)))
            {
                Assert.EndsWith($":{akkaPort}", seed.Value);
                Assert.StartsWith("akka.tcp://callcluster@", seed.Value);
            }

            var roles = env.Values.Where(kv => kv.Key.StartsWith("CALLCLUSTER_Node__Roles__", StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
            if (roles.Contains("gateway"))
            {
                foreach (var listen in env.Values.Where(kv => kv.Key.StartsWith("CALLCLUSTER_Sip__Listen__", StringComparison.Ordinal)))
                {
                    var parts = listen.Value.Split(':');
                    var protocol = parts[0].ToUpperInvariant();
                    var port = int.Parse(parts[^1]);
                    Assert.Contains(ports, p => p.ContainerPort == port && p.Protocol == protocol);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Services_and_budgets_select_real_pods_and_named_ports(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var templates = rendered.StatefulSets.Select(s => s.Spec.Template).ToList();

        foreach (var service in rendered.OfKind<V1Service>().Where(s => s.Spec.Type != "ExternalName"))
        {
            var pods = templates.Where(t => Selects(service.Spec.Selector, t.Metadata.Labels)).ToList();
            Assert.True(pods.Count > 0, $"{overlay}: Service {service.Metadata.Name} selects no pod template");
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value;
                if (target is not null && !int.TryParse(target, out _))
                {
                    Assert.True(
                        pods.Any(t => t.Spec.Containers.Any(c => (c.Ports ?? []).Any(p => p.Name == target && (p.Protocol ?? "TCP") == (port.Protocol ?? "TCP")))),
                        $"{overlay}: Service {service.Metadata.Name} targets port '{target}'/{port.Protocol} that no selected container names");
                }
            }
        }

        foreach (var pdb in rendered.OfKind<V1PodDisruptionBudget>())
        {
            Assert.Contains(templates, t => Selects(pdb.Spec.Selector.MatchLabels, t.Metadata.Labels));
        }

        foreach (var set in rendered.StatefulSets)
        {
            Assert.True(Selects(set.Spec.Selector.MatchLabels, set.Spec.Template.Metadata.Labels), $"{set.Metadata.Name}: selector does not match its template");
            Assert.Contains(rendered.OfKind<V1Service>(), s => s.Metadata.Name == set.Spec.ServiceName && s.Spec.ClusterIP == "None");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Drain_budget_resources_and_media_host_network(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);

        foreach (var (set, container) in Containers(rendered))
        {
            var grace = set.Spec.Template.Spec.TerminationGracePeriodSeconds ?? 30;
            var preStop = string.Join(' ', container.Lifecycle.PreStop.Exec.Command);
            var pause = int.Parse(preStop.Split(' ').Last());
            // Host drain (shutdown timeout 30 s) after the preStop pause must fit in the grace period.
            Assert.True(grace >= pause + 30, $"{set.Metadata.Name}: grace {grace}s < preStop {pause}s + drain 30s");

            var requests = container.Resources.Requests;
            var limits = container.Resources.Limits;
            Assert.True(requests["cpu"].ToDecimal() <= limits["cpu"].ToDecimal());
            Assert.True(requests["memory"].ToDecimal() <= limits["memory"].ToDecimal());
        }

        var media = rendered.StatefulSets.Single(s => s.Metadata.Name == "callcluster-media");
        Assert.True(media.Spec.Template.Spec.HostNetwork);
        Assert.Equal("ClusterFirstWithHostNet", media.Spec.Template.Spec.DnsPolicy);
        var mediaEnv = new ContainerEnvironment(rendered, media.Spec.Template.Spec.Containers[0]);
        Assert.Equal("media", mediaEnv["CALLCLUSTER_Node__Roles__0"]);
        Assert.Matches(@"^\d+-\d+$", mediaEnv["CALLCLUSTER_Media__RtpPortRange"] ?? "");

        // Real-time mixing threads need SYS_NICE in effect: added to the container and held by its
        // process, which Kubernetes grants only to root (no file capabilities under no_new_privs).
        Assert.InRange(int.Parse(mediaEnv["CALLCLUSTER_Media__MixerRealtimePriority"] ?? "0"), 1, 99);
        var security = media.Spec.Template.Spec.Containers[0].SecurityContext;
        Assert.Contains("SYS_NICE", security.Capabilities.Add);
        Assert.Equal(["ALL"], security.Capabilities.Drop);
        Assert.Equal(0, security.RunAsUser);
        Assert.False(security.AllowPrivilegeEscalation);
        Assert.True(security.ReadOnlyRootFilesystem);
    }

    [Fact]
    public void Local_overlay_runs_its_own_postgres_and_production_points_outside()
    {
        var local = RenderedOverlay.Render("local");
        var production = RenderedOverlay.Render("production");

        Assert.Contains(local.StatefulSets, s => s.Metadata.Name == "callcluster-postgres");
        Assert.Contains(local.OfKind<V1Secret>(), s => s.Metadata.Name == "callcluster-db");
        Assert.DoesNotContain(production.StatefulSets, s => s.Metadata.Name == "callcluster-postgres");
        Assert.DoesNotContain(production.OfKind<V1Secret>(), s => s.Metadata.Name == "callcluster-db");
        Assert.Contains(production.OfKind<V1Service>(), s => s.Metadata.Name == "callcluster-postgres" && s.Spec.Type == "ExternalName");
        Assert.All(production.StatefulSets.SelectMany(s => s.Spec.Template.Spec.Containers), c => Assert.StartsWith("registry.example.com/callcluster:", c.Image));
    }

    private static IEnumerable<(V1StatefulSet Set, V1Container Container)> Containers(RenderedOverlay rendered) =>
        rendered.StatefulSets
            .Where(s => s.Metadata.Name.StartsWith("callcluster-", StringComparison.Ordinal) && s.Metadata.Name != "callcluster-postgres")
            .Select(s => (s, s.Spec.Template.Spec.Containers.Single(c => c.Name == "callcluster")));

    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
