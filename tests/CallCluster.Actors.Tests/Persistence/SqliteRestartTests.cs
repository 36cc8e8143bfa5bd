using Akka.Actor;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Registration;
using CallCluster.Actors.Tests.Support;
using static CallCluster.Actors.Directory.DirectoryCommands;
using static CallCluster.Actors.Directory.DirectoryProtocol;
using static CallCluster.Actors.Directory.DirectoryReplies;
using static CallCluster.Actors.Registration.RegistrationCommands;
using static CallCluster.Actors.Registration.RegistrationReplies;

namespace CallCluster.Actors.Tests.Persistence;

/// <summary>Entities on the production SQL journal (SQLite file): state survives an ActorSystem restart.</summary>
public sealed class SqliteRestartTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Registration_and_directory_survive_a_restart_of_the_actor_system()
    {
        var config = TestConfigs.Sqlite(_folder.SqliteConnectionString());
        const string aor = "alice@home.example";

        var first = ActorSystem.Create("callcluster", config);
        try
        {
            var registration = first.ActorOf(RegistrationEntity.Props(aor));
            var bound = await registration.Ask<IRegistrationReply>(
                new Register(aor, "c1", 1, [new ContactRequest("sip:alice@127.0.0.1:5070", 3600, 0.7)]), Timeout);
            Assert.Single(Assert.IsType<Bindings>(bound).Contacts);

            var directory = first.ActorOf(DirectoryEntity.Props(publish: false));
            var ok = await directory.Ask<DirectoryResponse>(
                new DirectoryRequest(new UpsertSubscriber(new SubscriberSpec("alice", "pw", SubscriberKind.Mobile), "home.example")), Timeout);
            Assert.Equal(new Ok("alice", true), ok.Reply);
        }
        finally
        {
            await first.Terminate().WaitAsync(Timeout);
        }

        var second = ActorSystem.Create("callcluster", config);
        try
        {
            var registration = second.ActorOf(RegistrationEntity.Props(aor));
            var bindings = Assert.IsType<Bindings>(await registration.Ask<IRegistrationReply>(new GetBindings(aor), Timeout));
            var contact = Assert.Single(bindings.Contacts);
            Assert.Equal("sip:alice@127.0.0.1:5070", contact.Uri);
            Assert.Equal(0.7, contact.Q);

            var directory = second.ActorOf(DirectoryEntity.Props(publish: false));
            var data = await directory.Ask<DirectoryStateData>(new DirectorySyncRequest(-1), Timeout);
            Assert.Equal("alice", Assert.Single(data.Subscribers).User);
            Assert.Equal(1, data.Version);
        }
        finally
        {
            await second.Terminate().WaitAsync(Timeout);
        }
    }

    public void Dispose() => _folder.Dispose();
}
