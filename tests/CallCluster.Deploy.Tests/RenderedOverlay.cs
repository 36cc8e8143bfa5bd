using System.Diagnostics;
using k8s;
using k8s.Models;

namespace CallCluster.Deploy.Tests;

/// <summary>One kustomize overlay rendered by kubectl and loaded with strict schema checks.</summary>
public sealed class RenderedOverlay
{
    private RenderedOverlay(string name, string yaml, IReadOnlyList<object> objects)
    {
        Name = name;
        Yaml = yaml;
        Objects = objects;
    }

    public string Name { get; }
    public string Yaml { get; }
    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> OfKind<T>() => Objects.OfType<T>();

    public IEnumerable<V1StatefulSet> StatefulSets => OfKind<V1StatefulSet>();

    public V1ConfigMap ConfigMap(string name) =>
        OfKind<V1ConfigMap>().SingleOrDefault(c => c.Metadata.Name == name)
        ?? throw new InvalidOperationException($"{Name}: no ConfigMap {name}");

    public static RenderedOverlay Render(string overlay)
    {
        var dir = Path.Combine(RepositoryRoot(), "k8s", "overlays", overlay);
        var yaml = RunKubectl("kustomize", dir);
        // strict: an unknown field anywhere is an error, as the API server's strict validation does.
        var objects = KubernetesYaml.LoadAllFromString(yaml, null, strict: true);
        return new RenderedOverlay(overlay, yaml, objects);
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CallCluster.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CallCluster.sln not found above the test folder");
    }

    private static string RunKubectl(params string[] args)
    {
        var psi = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("kubectl did not start (is it installed?)");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("kubectl kustomize took more than 60 s");
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', args)} failed: {stderr.Result}");
        }

        return stdout.Result;
    }
}
