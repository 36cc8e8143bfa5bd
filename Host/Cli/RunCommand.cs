using System.CommandLine;
using CallCluster.Host.Configuration;
using CallCluster.Host.Hosting;

namespace CallCluster.Host.Cli;

/// <summary>`callcluster run [--Section:Key=value ...]`: starts a node and runs until SIGTERM or Ctrl+C.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Start a node. Settings: appsettings.json, then CALLCLUSTER_ environment variables, then --Section:Key=value arguments.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parsed, cancellation) => ExecuteAsync(parsed.UnmatchedTokens, cancellation));
        return command;
    }

    private static async Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CancellationToken cancellation)
    {
        CallClusterSettings settings;
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        Provisioning.ProvisioningDocument? provisioning;
        try
        {
            configuration = ConfigurationSources.Build(AppContext.BaseDirectory, Environment.GetEnvironmentVariables(), arguments);
            settings = SettingsReader.Read(configuration);
            provisioning = settings.Provisioning.File is { } file ? Provisioning.ProvisioningFile.Load(file) : null;
            settings = WithProvisionedDomain(settings, configuration, provisioning);
        }
        catch (SettingsException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        return await NodeHost.RunAsync(settings, configuration, provisioning, cancellation);
    }

    /// <summary>
    /// The provisioning file's domain becomes the SIP domain when Sip:Domain is not set; when both
    /// are set they must agree.
    /// </summary>
    public static CallClusterSettings WithProvisionedDomain(
        CallClusterSettings settings, Microsoft.Extensions.Configuration.IConfiguration configuration, Provisioning.ProvisioningDocument? provisioning)
    {
        if (provisioning?.Domain is not { } domain)
        {
            return settings;
        }
        var configured = configuration["Sip:Domain"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return settings with { Sip = settings.Sip with { Domain = domain } };
        }
        if (!string.Equals(configured.Trim(), domain, StringComparison.OrdinalIgnoreCase))
        {
            throw new SettingsException($"Provisioning:File: domain '{domain}' differs from Sip:Domain '{configured.Trim()}'");
        }
        return settings;
    }
}
