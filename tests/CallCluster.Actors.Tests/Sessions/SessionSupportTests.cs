using Akka.Cluster.Sharding;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.MediaProtocol;
using CallCluster.Actors.Sessions;
using static CallCluster.Actors.Sessions.SessionCommands;

namespace CallCluster.Actors.Tests.Sessions;

public sealed class SessionSupportTests
{
    [Fact]
    public void Extractor_routes_commands_media_replies_and_cdr_confirmations_by_session_id()
    {
        var extractor = new SessionMessageExtractor();
        var id = new SessionId("abc");
        var bye = new ByeReceived(id, new LegId("l"));
        Assert.Equal("abc", extractor.EntityId(bye));
        Assert.Same(bye, extractor.EntityMessage(bye));
        Assert.Equal("abc", extractor.EntityId(new EndpointAllocated("abc", "l", "ep", "127.0.0.1", [])));
        Assert.Equal("abc", extractor.EntityId(new EndpointDead("ep", "abc", "l")));
        Assert.Equal("abc", extractor.EntityId(new CdrWritten("abc")));
        Assert.Null(extractor.EntityId("something else"));

        var shard = extractor.ShardId("abc", bye);
        Assert.Equal(shard, extractor.ShardId("abc", new SessionQueries.GetSession(id)));
        Assert.Equal(shard, extractor.ShardId("abc", new ShardRegion.StartEntity("abc")));
        Assert.NotEqual(shard, extractor.ShardId("abd", null));
        Assert.InRange(int.Parse(shard!, System.Globalization.CultureInfo.InvariantCulture), 0, SessionMessageExtractor.DefaultShards - 1);
    }

    [Fact]
    public void Cdr_of_a_home_call_names_kind_parties_legs_talk_time_and_reason()
    {
        var sc = new SessionScenario();
        var (m1, local, _, _) = sc.StartThreeParty();
        sc.Bye(m1);
        sc.Bye(local);
        var cdr = SessionCdr.Build(sc.State);

        Assert.Equal("home", cdr.Kind);
        Assert.Equal(["sip:alice@home.test", "sip:tv@home.test", "sip:bob@far.test"], cdr.Parties);
        Assert.Equal(["mobile", "local", "mobile", "remote"], cdr.Legs.Select(l => l.Role));
        Assert.Equal("bye-received", cdr.Legs[1].EndReason);
        Assert.Equal(cdr.End - cdr.Answer!.Value, cdr.Duration);
        Assert.True(cdr.Duration > TimeSpan.Zero);
        Assert.Equal("normal-clearing", cdr.EndReason);
    }

    [Fact]
    public void Cdr_of_an_unanswered_call_has_no_talk_time_and_trunk_to_trunk_is_transit()
    {
        var sc = new SessionScenario();
        var trunkA = new Party("sip:+331@a", PartyKind.Trunk, "a");
        var trunkB = new Party("sip:+442@b", PartyKind.Trunk, "b");
        sc.Run(new InboundInvite(sc.Id, new LegId("t"), SessionKind.Plain, trunkA, trunkB, LegRole.Callee, SessionScenario.Dialog("t"), "x"));
        sc.MediaReadyForAll();
        sc.Fail(sc.PartnerOf(new LegId("t")), 486);
        var cdr = SessionCdr.Build(sc.State);

        Assert.Equal("transit", cdr.Kind);
        Assert.Null(cdr.Answer);
        Assert.Equal(TimeSpan.Zero, cdr.Duration);
        Assert.Equal("callee-busy", cdr.EndReason);
        Assert.Equal("rejected-486", cdr.Legs[1].EndReason);
    }

    [Fact]
    public void View_lists_legs_with_roles_and_phases()
    {
        var sc = new SessionScenario();
        var (caller, callee) = sc.StartPlain();
        sc.Answer(callee);
        var view = SessionView.From(sc.State);
        Assert.Equal(SessionPhase.Established, view.Phase);
        Assert.Equal([(caller, LegRole.Caller, LegPhase.Confirmed), (callee, LegRole.Callee, LegPhase.Confirmed)],
            view.Legs.Select(l => (l.LegId, l.Role, l.Phase)));
        Assert.NotNull(view.Answered);
        Assert.Null(view.EndReason);
    }

    [Theory]
    [InlineData(SessionEndReason.NormalClearing, "normal-clearing")]
    [InlineData(SessionEndReason.LocalTerminalUnavailable, "local-terminal-unavailable")]
    [InlineData(SessionEndReason.RemoteNoAnswer, "remote-no-answer")]
    public void End_reasons_have_kebab_case_text(SessionEndReason reason, string text) => Assert.Equal(text, reason.ToCdrText());
}
