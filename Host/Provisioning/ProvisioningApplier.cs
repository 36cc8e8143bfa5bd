using CallCluster.Host.Http;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Host.Provisioning;

/// <summary>
/// Upserts every entry of the provisioning file into the directory (subscribers, then households,
/// then trunks). Upserts are idempotent, so loading the same file at every start is harmless.
/// </summary>
public static class ProvisioningApplier
{
    /// <summary>How long to keep retrying while the directory is not yet available (cluster forming).</summary>
    public static readonly TimeSpan StartupWindow = TimeSpan.FromSeconds(60);

    /// <summary>Null when every entry was stored, else a one-line problem naming the entry.</summary>
    public static async Task<string?> ApplyAsync(ProvisioningDocument document, DirectoryClient directory, string realm, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + StartupWindow;
        foreach (var (name, command) in Commands(document, realm))
        {
            while (true)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return "stopped before provisioning finished";
                }
                var reply = await directory.AskAsync(command, cancellation);
                if (reply is Ok)
                {
                    break;
                }
                if (reply is Unavailable unavailable)
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        return $"{name}: directory unavailable ({unavailable.Message})";
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }
                return $"{name}: {Describe(reply)}";
            }
        }
        return null;
    }

    private static IEnumerable<(string Name, IDirectoryCommand Command)> Commands(ProvisioningDocument document, string realm)
    {
        foreach (var (s, i) in (document.Subscribers ?? []).Select((s, i) => (s, i)))
        {
            yield return ($"subscribers[{i}] '{s.User}'", new UpsertSubscriber(DirectoryEndpoints.ToSpec(s), realm));
        }
        foreach (var (h, i) in (document.Households ?? []).Select((h, i) => (h, i)))
        {
            yield return ($"households[{i}] '{h.Id}'", new UpsertHousehold(new(h.Id, h.Mobiles, h.LocalTerminals)));
        }
        foreach (var (t, i) in (document.Trunks ?? []).Select((t, i) => (t, i)))
        {
            yield return ($"trunks[{i}] '{t.Name}'", new UpsertTrunk(ResourceValidation.ToSpec(t)));
        }
    }

    private static string Describe(IDirectoryReply reply) => reply switch
    {
        Invalid invalid => invalid.Message,
        Conflict conflict => conflict.Message,
        NotFound notFound => $"'{notFound.Key}' not found",
        _ => $"unexpected reply {reply.GetType().Name}",
    };
}
