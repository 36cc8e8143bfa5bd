using Akka.Actor;
using CallCluster.Actors.Serialization;
using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionEvents;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class SessionSerializationTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly SessionSerializationCatalog _catalog = new();

    private CallClusterSerializer Serializer() => new((ExtendedActorSystem)Sys, [_catalog]);

    public static TheoryData<string> Manifests()
    {
        var data = new TheoryData<string>();
        foreach (var entry in new SessionSerializationCatalog().Entries)
        {
            data.Add(entry.Manifest);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_session_type_round_trips_through_the_cluster_serializer(string manifest)
    {
        var serializer = Serializer();
        var entry = _catalog.Entries.Single(e => e.Manifest == manifest);
        var sample = Assert.IsAssignableFrom<object>(entry.Sample!());
        Assert.Equal(manifest, serializer.Manifest(sample));

        var bytes = serializer.ToBinary(sample);
        var back = serializer.FromBinary(bytes, manifest);

        Assert.IsType(entry.Type, back);
        Assert.Equal(bytes, serializer.ToBinary(back));
    }

    [Fact]
    public void Manifests_start_with_s_and_fit_with_every_other_catalog()
    {
        Assert.All(_catalog.Entries, e => Assert.StartsWith("s", e.Manifest, StringComparison.Ordinal));
        var table = ManifestTable.Build([.. Catalogs.All.Where(c => c is not SessionSerializationCatalog), _catalog]);
        Assert.Equal(typeof(SessionSnapshot), table.TypeOf("ss1"));
    }

    [Fact]
    public void Every_session_message_type_is_listed()
    {
        var listed = _catalog.Entries.Select(e => e.Type).ToHashSet();
        var markers = new[] { typeof(ISessionCommand), typeof(ISessionEvent), typeof(ISessionEffect), typeof(ISessionReply) };
        var missing = typeof(SessionState).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && markers.Any(m => m.IsAssignableFrom(t)))
            .Where(t => !listed.Contains(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Snapshot_state_round_trips_equal()
    {
        var sc = new SessionScenario();
        var (m1, _, _, _) = sc.StartThreeParty();
        sc.Bye(m1);
        var serializer = Serializer();
        var snapshot = new SessionSnapshot(sc.State);
        var back = (SessionSnapshot)serializer.FromBinary(serializer.ToBinary(snapshot), serializer.Manifest(snapshot));
        Assert.Equal(sc.State, back.State);
    }

    [Fact]
    public void Events_of_a_whole_call_replay_equal_after_serialization()
    {
        var sc = new SessionScenario();
        var (_, callee) = sc.StartPlain();
        sc.Answer(callee);
        sc.Bye(callee);
        var serializer = Serializer();
        var decoded = sc.Events.Select(e => (ISessionEvent)serializer.FromBinary(serializer.ToBinary(e), serializer.Manifest(e))).ToList();
        Assert.Equal(sc.State, SessionState.Replay(sc.Id, decoded));
        Assert.Contains(decoded, e => e is LegAnswered);
    }
}
