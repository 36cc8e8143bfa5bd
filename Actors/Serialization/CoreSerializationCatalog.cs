using CallCluster.Actors.Cdr;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Registration;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryEvents;
using static CallCluster.Actors.Directory.DirectoryProtocol;
using static CallCluster.Actors.Directory.DirectoryReplies;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationEvents;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Actors.Serialization;

/// <summary>
/// Manifests of the cluster core: <c>d</c> directory, <c>r</c> registration, <c>c</c> CDR, <c>x</c> misc.
/// Never rename or reuse a manifest; retire it by leaving its line here with an upcaster.
/// </summary>
public sealed class CoreSerializationCatalog : ISerializationCatalog
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public IEnumerable<ManifestEntry> Entries =>
    [
        // directory: specs, commands, replies
        new("d1", typeof(SubscriberSpec), () => new SubscriberSpec("alice", "secret", SubscriberKind.Mobile)),
        new("d2", typeof(HouseholdSpec), () => SampleHousehold),
        new("d3", typeof(TrunkSpec), () => SampleTrunk),
        new("d4", typeof(Subscriber), () => SampleSubscriber),
        new("dc1", typeof(UpsertSubscriber), () => new UpsertSubscriber(new SubscriberSpec("bob", null, SubscriberKind.LocalTerminal), "example.org")),
        new("dc2", typeof(DeleteSubscriber), () => new DeleteSubscriber("bob")),
        new("dc3", typeof(GetSubscriber), () => new GetSubscriber("bob")),
        new("dc4", typeof(ListSubscribers), () => new ListSubscribers()),
        new("dc5", typeof(UpsertHousehold), () => new UpsertHousehold(SampleHousehold)),
        new("dc6", typeof(DeleteHousehold), () => new DeleteHousehold("h1")),
        new("dc7", typeof(GetHousehold), () => new GetHousehold("h1")),
        new("dc8", typeof(ListHouseholds), () => new ListHouseholds()),
        new("dc9", typeof(UpsertTrunk), () => new UpsertTrunk(SampleTrunk)),
        new("dc10", typeof(DeleteTrunk), () => new DeleteTrunk("carrier")),
        new("dc11", typeof(GetTrunk), () => new GetTrunk("carrier")),
        new("dc12", typeof(ListTrunks), () => new ListTrunks()),
        new("dr1", typeof(Ok), () => new Ok("alice", true)),
        new("dr2", typeof(NotFound), () => new NotFound("alice")),
        new("dr3", typeof(Conflict), () => new Conflict("in use")),
        new("dr4", typeof(Invalid), () => new Invalid("bad")),
        new("dr5", typeof(Unavailable), () => new Unavailable("journal down")),
        new("dr6", typeof(SubscriberFound), () => new SubscriberFound(SampleSubscriber)),
        new("dr7", typeof(SubscriberList), () => new SubscriberList([SampleSubscriber])),
        new("dr8", typeof(HouseholdFound), () => new HouseholdFound(SampleHousehold)),
        new("dr9", typeof(HouseholdList), () => new HouseholdList([SampleHousehold])),
        new("dr10", typeof(TrunkFound), () => new TrunkFound(SampleTrunk)),
        new("dr11", typeof(TrunkList), () => new TrunkList([SampleTrunk])),

        new("de1", typeof(SubscriberUpserted), () => new SubscriberUpserted(SampleSubscriber)),
        new("de2", typeof(SubscriberDeleted), () => new SubscriberDeleted("alice")),
        new("de3", typeof(HouseholdUpserted), () => new HouseholdUpserted(SampleHousehold)),
        new("de4", typeof(HouseholdDeleted), () => new HouseholdDeleted("h1")),
        new("de5", typeof(TrunkUpserted), () => new TrunkUpserted(SampleTrunk)),
        new("de6", typeof(TrunkDeleted), () => new TrunkDeleted("carrier")),
        new("ds1", typeof(DirectoryStateData), () => new DirectoryStateData([SampleSubscriber], [SampleHousehold], [SampleTrunk], 7)),
        new("dp1", typeof(DirectoryRequest), () => new DirectoryRequest(new UpsertHousehold(SampleHousehold))),
        new("dp2", typeof(DirectoryResponse), () => new DirectoryResponse(new Ok("h1", true), 8, [new HouseholdUpserted(SampleHousehold)])),
        new("dp3", typeof(DirectoryUpdated), () => new DirectoryUpdated(9, [new TrunkDeleted("carrier"), new SubscriberDeleted("bob")])),
        new("dp4", typeof(DirectorySyncRequest), () => new DirectorySyncRequest(-1)),
        new("dp5", typeof(DirectoryUpToDate), () => new DirectoryUpToDate(9)),

        // registration
        new("r1", typeof(ContactBinding), () => SampleBinding),
        new("r2", typeof(Register), () => new Register("alice@example.org", "call-1@host", 7, [new ContactRequest("sip:alice@127.0.0.1:5062", 600, 0.5), new ContactRequest("sip:alice@[::1]:5062")], false, 3600)),
        new("r3", typeof(GetBindings), () => new GetBindings("alice@example.org")),
        new("r4", typeof(Bindings), () => new Bindings("alice@example.org", [SampleBinding], T0)),
        new("r5", typeof(Rejected), () => new Rejected("alice@example.org", 423, "Interval Too Brief", 60)),
        new("r6", typeof(BindingsChanged), () => new BindingsChanged([SampleBinding])),

        // cdr
        new("c1", typeof(CdrRecord), () => SampleCdr),
        new("c2", typeof(WriteCdr), () => new WriteCdr(SampleCdr)),
        new("c3", typeof(CdrWritten), () => new CdrWritten("s-1")),
        new("c4", typeof(CdrWriteFailed), () => new CdrWriteFailed("s-1", "database locked")),
    ];

    private static ContactBinding SampleBinding => new("sip:alice@127.0.0.1:5062", T0.AddHours(1), 0.5, "call-1@host", 7);

    private static HouseholdSpec SampleHousehold => new("h1", ["alice"], ["tv"]);

    private static TrunkSpec SampleTrunk => new("carrier", "sip:127.0.0.2:5060", ["127.0.0.2", "10.0.0.0/8"], ["+33", "00"]);

    private static Subscriber SampleSubscriber =>
        new("alice", SubscriberKind.Mobile, "example.org", new string('a', 32), new string('b', 64));

    private static CdrRecord SampleCdr => new(
        "s-1",
        "home",
        ["alice", "tv", "bob"],
        [new CdrLeg("mobile", "alice", T0, T0.AddSeconds(30), "bye"), new CdrLeg("remote", "bob", null, null, null)],
        T0,
        T0.AddSeconds(2),
        T0.AddSeconds(62),
        TimeSpan.FromSeconds(60),
        "normal");
}
