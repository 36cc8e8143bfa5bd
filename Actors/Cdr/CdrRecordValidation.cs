namespace CallCluster.Actors.Cdr;

/// <summary>Rejects records the table cannot hold, with a one-line reason.</summary>
public static class CdrRecordValidation
{
    public static string? Problem(CdrRecord? record) =>
        record is null ? "record is required"
        : string.IsNullOrEmpty(record.SessionId) || record.SessionId.Length > 255 ? "session id must be 1-255 characters"
        : string.IsNullOrEmpty(record.Kind) || record.Kind.Length > 64 ? "kind must be 1-64 characters"
        : record.EndReason is null || record.EndReason.Length > 255 ? "end reason must be at most 255 characters"
        : record.Parties is null || record.Legs is null ? "parties and legs are required"
        : null;
}
