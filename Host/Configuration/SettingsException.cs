namespace CallCluster.Host.Configuration;

/// <summary>A setting that stops start-up; the message is the one line printed on stderr.</summary>
public sealed class SettingsException(string message) : Exception(message);
