using System.Text.RegularExpressions;
using k8s.Models;

namespace CallCluster.Deploy.Tests;

/// <summary>
/// The environment a container would see: ConfigMaps from envFrom first, then its env list,
/// with $(VAR) references expanded the way the kubelet does (only variables defined earlier).
/// Values from Secrets and the downward API stay symbolic ("&lt;secret:name/key&gt;", "&lt;field:path&gt;").
/// </summary>
public sealed partial class ContainerEnvironment
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public ContainerEnvironment(RenderedOverlay overlay, V1Container container)
    {
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } cm)
            {
                foreach (var (k, v) in overlay.ConfigMap(cm.Name).Data ?? new Dictionary<string, string>())
                {
                    _values[k] = v;
                }
            }
        }

        foreach (var e in container.Env ?? [])
        {
            var raw = e.Value ?? Symbolic(overlay, e.ValueFrom);
            var unresolved = VarRef().Matches(raw).Select(m => m.Groups[1].Value).Where(v => !_values.ContainsKey(v)).ToList();
            if (unresolved.Count > 0)
            {
                UnresolvedReferences.Add($"{e.Name} -> $({string.Join("), $(", unresolved)})");
            }

            _values[e.Name] = VarRef().Replace(raw, m => _values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        }
    }

    public List<string> UnresolvedReferences { get; } = [];

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? this[string name] => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>The configuration key of a CALLCLUSTER_ variable, e.g. Sip:Listen:0.</summary>
    public static string? ConfigurationKey(string variable) =>
        variable.StartsWith("CALLCLUSTER_", StringComparison.Ordinal)
            ? variable["CALLCLUSTER_".Length..].Replace("__", ":", StringComparison.Ordinal)
            : null;

    private static string Symbolic(RenderedOverlay overlay, V1EnvVarSource? source)
    {
        if (source?.SecretKeyRef is { } s)
        {
            return $"<secret:{s.Name}/{s.Key}>";
        }

        if (source?.ConfigMapKeyRef is { } c)
        {
            var map = overlay.ConfigMap(c.Name);
            return map.Data is not null && map.Data.TryGetValue(c.Key, out var v)
                ? v
                : throw new InvalidOperationException($"ConfigMap {c.Name} has no key {c.Key}");
        }

        if (source?.FieldRef is { } f)
        {
            return $"<field:{f.FieldPath}>";
        }

        throw new InvalidOperationException("env entry with neither value nor a supported valueFrom");
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VarRef();
}
