using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryReplies;

namespace CallCluster.Actors.Directory;

/// <summary>Pure provisioning rules: <c>Decide(state, command)</c>; the state changes only through events.</summary>
public static class DirectoryRules
{
    public static DirectoryDecision Decide(DirectoryState state, IDirectoryCommand command) => command switch
    {
        UpsertSubscriber c => SubscriberRules.Upsert(state, c),
        DeleteSubscriber c => SubscriberRules.Delete(state, c),
        GetSubscriber c => DirectoryDecision.Answer(
            state.Subscribers.TryGetValue(c.User ?? "", out var s) ? new SubscriberFound(s) : new NotFound(c.User ?? "")),
        ListSubscribers => DirectoryDecision.Answer(new SubscriberList(state.ToData(0).Subscribers)),
        UpsertHousehold c => HouseholdRules.Upsert(state, c),
        DeleteHousehold c => state.Households.ContainsKey(c.Id ?? "")
            ? DirectoryDecision.Persist(new HouseholdDeleted(c.Id!), new Ok(c.Id!, false))
            : DirectoryDecision.Answer(new NotFound(c.Id ?? "")),
        GetHousehold c => DirectoryDecision.Answer(
            state.Households.TryGetValue(c.Id ?? "", out var h) ? new HouseholdFound(h) : new NotFound(c.Id ?? "")),
        ListHouseholds => DirectoryDecision.Answer(new HouseholdList(state.ToData(0).Households)),
        UpsertTrunk c => TrunkRules.Upsert(state, c),
        DeleteTrunk c => state.Trunks.ContainsKey(c.Name ?? "")
            ? DirectoryDecision.Persist(new TrunkDeleted(c.Name!), new Ok(c.Name!, false))
            : DirectoryDecision.Answer(new NotFound(c.Name ?? "")),
        GetTrunk c => DirectoryDecision.Answer(
            state.Trunks.TryGetValue(c.Name ?? "", out var t) ? new TrunkFound(t) : new NotFound(c.Name ?? "")),
        ListTrunks => DirectoryDecision.Answer(new TrunkList(state.ToData(0).Trunks)),
        _ => DirectoryDecision.Answer(new Invalid($"unsupported command {command?.GetType().Name ?? "null"}")),
    };

    /// <summary>True when the command only reads (a replica may answer it from its snapshot).</summary>
    public static bool IsQuery(IDirectoryCommand command) =>
        command is GetSubscriber or ListSubscribers or GetHousehold or ListHouseholds or GetTrunk or ListTrunks;
}
