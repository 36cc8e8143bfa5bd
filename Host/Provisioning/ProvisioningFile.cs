using CallCluster.Host.Configuration;

namespace CallCluster.Host.Provisioning;

/// <summary>Loads and checks the provisioning file; any problem is a <see cref="SettingsException"/> naming it.</summary>
public static class ProvisioningFile
{
    public const long MaxBytes = 16 * 1024 * 1024;

    public static ProvisioningDocument Load(string path)
    {
        const string key = "Provisioning:File";
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new SettingsException($"{key}: '{path}' does not exist");
            }
            if (info.Length > MaxBytes)
            {
                throw new SettingsException($"{key}: '{path}' is larger than {MaxBytes / 1024 / 1024} MiB");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"{key}: '{path}' cannot be read ({ConfigurationSources.OneLine(e.Message)})");
        }
        var document = ResourceJson.TryParse<ProvisioningDocument>(bytes, out var problem)
            ?? throw new SettingsException($"{key}: '{path}': {problem}");
        var invalid = Check(document);
        if (invalid is not null)
        {
            throw new SettingsException($"{key}: '{path}': {invalid}");
        }
        return document;
    }

    /// <summary>Checks every entry; returns the first problem with its JSON path, or null.</summary>
    public static string? Check(ProvisioningDocument document)
    {
        if (document.Domain is not null && Uri.CheckHostName(document.Domain) == UriHostNameType.Unknown)
        {
            return $"domain '{document.Domain}' is not a host name";
        }
        return Each("subscribers", document.Subscribers, ResourceValidation.Check, s => s.User)
            ?? Each("households", document.Households, ResourceValidation.Check, h => h.Id)
            ?? Each("trunks", document.Trunks, ResourceValidation.Check, t => t.Name);
    }

    private static string? Each<T>(string field, IReadOnlyList<T>? items, Func<T, string?> check, Func<T, string> id)
    {
        if (items is null)
        {
            return null;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var problem = check(items[i]);
            if (problem is not null)
            {
                return $"{field}[{i}]: {problem}";
            }
            if (!seen.Add(id(items[i])))
            {
                return $"{field}[{i}]: '{id(items[i])}' appears twice";
            }
        }
        return null;
    }
}
