using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Cdr;

/// <summary>Asks the <c>CdrWriter</c> to store a record; writing the same session twice is harmless.</summary>
public sealed record WriteCdr(CdrRecord Record) : ICallClusterMessage;

/// <summary>The record of <paramref name="SessionId"/> is committed (now or earlier).</summary>
public sealed record CdrWritten(string SessionId) : ICallClusterMessage;

/// <summary>The record could not be stored; the sender should retry later.</summary>
public sealed record CdrWriteFailed(string SessionId, string Reason) : ICallClusterMessage;
