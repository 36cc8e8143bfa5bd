namespace CallCluster.Actors.Directory;

/// <summary>What a subscriber is; on the wire <c>mobile</c>, <c>local-terminal</c>, <c>other</c>.</summary>
public enum SubscriberKind
{
    Other = 0,
    Mobile = 1,
    LocalTerminal = 2,
}

/// <summary>Text form of <see cref="SubscriberKind"/> used by the provisioning file and the HTTP API.</summary>
public static class SubscriberKinds
{
    public static string ToText(this SubscriberKind kind) => kind switch
    {
        SubscriberKind.Mobile => "mobile",
        SubscriberKind.LocalTerminal => "local-terminal",
        _ => "other",
    };

    public static bool TryParse(string? text, out SubscriberKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "mobile":
                kind = SubscriberKind.Mobile;
                return true;
            case "local-terminal":
                kind = SubscriberKind.LocalTerminal;
                return true;
            case "other":
                kind = SubscriberKind.Other;
                return true;
            default:
                kind = SubscriberKind.Other;
                return false;
        }
    }
}
