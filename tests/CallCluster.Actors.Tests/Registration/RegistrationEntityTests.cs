using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.TestKit;
using CallCluster.Actors.Registration;
using CallCluster.Actors.Tests.Support;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Actors.Tests.Registration;

/// <summary>The entity on virtual time with the in-memory journal.</summary>
public sealed class RegistrationEntityTests() : Akka.TestKit.Xunit2.TestKit(TestConfigs.InMemory(virtualTime: true))
{
    private const string Aor = "alice@home.example";

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void Register_replies_with_the_bindings_after_persisting_and_a_restart_keeps_them()
    {
        var entity = Sys.ActorOf(RegistrationEntity.Props(Aor));
        entity.Tell(new Register(Aor, "c1", 1, [new ContactRequest("sip:alice@10.0.0.1", 600)]));
        var bindings = ExpectMsg<Bindings>();
        Assert.Equal("sip:alice@10.0.0.1", Assert.Single(bindings.Contacts).Uri);

        Watch(entity);
        Sys.Stop(entity);
        ExpectTerminated(entity);

        var again = Sys.ActorOf(RegistrationEntity.Props(Aor));
        again.Tell(new GetBindings(Aor));
        Assert.Equal("sip:alice@10.0.0.1", Assert.Single(ExpectMsg<Bindings>().Contacts).Uri);
    }

    [Fact]
    public void Contacts_expire_on_the_scheduler()
    {
        var entity = Sys.ActorOf(RegistrationEntity.Props(Aor));
        entity.Tell(new Register(Aor, "c1", 1, [new ContactRequest("sip:a@h1", 60), new ContactRequest("sip:a@h2", 120)]));
        Assert.Equal(2, ExpectMsg<Bindings>().Contacts.Count);

        Scheduler.Advance(TimeSpan.FromSeconds(61));
        AwaitAssert(() =>
        {
            entity.Tell(new GetBindings(Aor));
            Assert.Equal("sip:a@h2", Assert.Single(ExpectMsg<Bindings>().Contacts).Uri);
        }, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Entity_passivates_through_its_parent_once_empty()
    {
        var parent = CreateTestProbe();
        var entity = parent.ChildActorOf(RegistrationEntity.Props(Aor));
        entity.Tell(new Register(Aor, "c1", 1, [new ContactRequest("sip:a@h1", 60)]), TestActor);
        ExpectMsg<Bindings>();
        entity.Tell(new Register(Aor, "c1", 2, [], Wildcard: true, Expires: 0), TestActor);
        Assert.Empty(ExpectMsg<Bindings>().Contacts);

        Scheduler.Advance(RegistrationEntity.PassivateAfter + TimeSpan.FromMilliseconds(1));
        var passivate = parent.FishForMessage<Passivate>(m => m is Passivate, TimeSpan.FromSeconds(3));
        Assert.Equal(PoisonPill.Instance, passivate.StopMessage);
    }

    [Fact]
    public void Rejections_persist_nothing()
    {
        var entity = Sys.ActorOf(RegistrationEntity.Props(Aor));
        entity.Tell(new Register(Aor, "c1", 1, [new ContactRequest("sip:a@h1", 5)]));
        Assert.Equal(423, ExpectMsg<Rejected>().StatusCode);
        entity.Tell(new Register("bob@home.example", "c1", 1, [new ContactRequest("sip:a@h1", 600)]));
        Assert.Equal(400, ExpectMsg<Rejected>().StatusCode);
        entity.Tell(new GetBindings(Aor));
        Assert.Empty(ExpectMsg<Bindings>().Contacts);
    }

    [Fact]
    public void Extractor_routes_by_aor_and_ignores_other_messages()
    {
        var extractor = new RegistrationMessageExtractor(10);
        Assert.Equal(Aor, extractor.EntityId(new GetBindings(Aor)));
        Assert.Null(extractor.EntityId("hello"));
        var start = new ShardRegion.StartEntity(Aor);
        Assert.Equal(extractor.ShardId(Aor, new GetBindings(Aor)), extractor.ShardId(Aor, start));
    }
}
