namespace CallCluster.Terminal;

/// <summary>A handle on a call placed by <see cref="TerminalAgent.PlaceCallAsync"/>.</summary>
/// <param name="CallId">The SIP Call-ID, which names the call in events and commands.</param>
/// <param name="Target">The Request-URI called.</param>
public sealed record TerminalCall(string CallId, string Target);
