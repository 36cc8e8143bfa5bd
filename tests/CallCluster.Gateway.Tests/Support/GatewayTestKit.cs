using System.Net;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using CallCluster.Actors.Calls;
using CallCluster.Actors.Cdr;
using CallCluster.Actors.Directory;
using CallCluster.Actors.Registration;
using CallCluster.Actors.Sessions;
using CallCluster.Gateway.Hosting;
using CallCluster.Sip.Transport;
using static CallCluster.Actors.Directory.DirectoryEvents;

namespace CallCluster.Gateway.Tests.Support;

/// <summary>
/// A one-node cluster (in-memory journal) with real shard regions for sessions, registrations and
/// the mobile-calls index, the directory given as a snapshot, and the gateway on a UDP loopback
/// socket with media bypassed by default (no media role in these tests; anchored calls get the
/// endpoints of <see cref="FakeMediaManager"/>).
/// </summary>
public abstract class GatewayTestKit : Akka.TestKit.Xunit2.TestKit
{
    public const string Password = "secret-1";

    private static readonly Config ClusterConfig = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.cluster.sharding.state-store-mode = ddata
        akka.cluster.sharding.remember-entities = off
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """);

    /// <param name="sessionsPort">Puts an actor between the gateway and the session region (tests of lost messages).</param>
    protected GatewayTestKit(
        Xunit.Abstractions.ITestOutputHelper output, TimeSpan? sessionInterval = null, bool anchorMedia = false, Func<ActorSystem, IActorRef, IActorRef>? sessionsPort = null)
        : base(ClusterConfig, "callcluster", output)
    {
        var sessionSettings = sessionInterval is { } interval ? SessionSettings.Default with { SessionInterval = interval } : null;
        var cluster = Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
        AwaitCondition(() => cluster.SelfMember.Status == MemberStatus.Up, TimeSpan.FromSeconds(20));
        Snapshot = BuildDirectory();
        var outbox = GatewayHosting.CreateOutbox(Sys);
        var cdr = Sys.ActorOf(Props.Create(() => new CdrAcknowledger()), "cdr");
        var sharding = ClusterSharding.Get(Sys);
        var settings = ClusterShardingSettings.Create(Sys);
        var media = Sys.ActorOf(Props.Create(() => new FakeMediaManager()), "media");
        Sessions = sharding.Start("session", id => SessionHost.Props(start => SessionActor.Props(id, outbox, media, cdr, sessionSettings, new FakeMediaAdapter(), start: start)), settings, new SessionMessageExtractor(10));
        Registrations = sharding.Start("registration", aor => RegistrationEntity.Props(aor), settings, new RegistrationMessageExtractor(10));
        MobileCalls = sharding.Start("mobile-calls", MobileCallsEntity.Props, settings, new MobileCallsMessageExtractor(10));
        var gatewaySettings = new GatewaySettings(
            [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))],
            SipText.Domain) { AnchorMedia = anchorMedia };
        Handle = GatewayHosting.StartAsync(Sys, gatewaySettings, new GatewayPorts(sessionsPort?.Invoke(Sys, Sessions) ?? Sessions, Registrations, MobileCalls, () => Snapshot), outbox)
            .GetAwaiter().GetResult();
        GatewayEndPoint = Handle.LocalEndpoints[0].EndPoint;
    }

    protected DirectorySnapshot Snapshot { get; set; }

    protected IActorRef Sessions { get; }

    protected IActorRef Registrations { get; }

    protected IActorRef MobileCalls { get; }

    protected GatewayHandle Handle { get; }

    protected IPEndPoint GatewayEndPoint { get; }

    protected TestUa NewUa(string user) => new(user, GatewayEndPoint);

    /// <summary>alice, bob, carol (other); mum (mobile) in a household with tv (local terminal).</summary>
    private static DirectorySnapshot BuildDirectory()
    {
        var state = DirectoryState.Empty;
        foreach (var (user, kind) in new[] { ("alice", SubscriberKind.Other), ("bob", SubscriberKind.Other), ("carol", SubscriberKind.Other), ("mum", SubscriberKind.Mobile), ("tv", SubscriberKind.LocalTerminal) })
        {
            state = state.Apply(new SubscriberUpserted(DigestHashes.Provision(user, kind, SipText.Domain, Password)));
        }

        state = state.Apply(new HouseholdUpserted(new HouseholdSpec("home", ["mum"], ["tv"])));
        return new DirectorySnapshot(state, 1);
    }

    /// <summary>REGISTERs <paramref name="ua"/> (challenge, then credentials); returns the 200.</summary>
    protected static Sip.Message.SipResponse Register(TestUa ua, Sip.Auth.DigestAlgorithm? only = null)
    {
        var callId = SipText.NewId();
        var aor = $"sip:{ua.User}@{SipText.Domain}";
        var first = SipText.Request(ua, "REGISTER", $"sip:{SipText.Domain}", aor, callId, 1, "r1", extra: "Expires: 600");
        ua.Send(first);
        var challenge = ua.ExpectResponse();
        Assert.Equal(401, challenge.StatusCode);
        var credentials = SipText.Answer(challenge, first, ua.User, Password, only);
        ua.Send(SipText.Request(ua, "REGISTER", $"sip:{SipText.Domain}", aor, callId, 2, "r1", extra: ["Expires: 600", credentials]));
        return ua.ExpectResponse();
    }

    private sealed class CdrAcknowledger : ReceiveActor
    {
        public CdrAcknowledger() => Receive<WriteCdr>(w => Sender.Tell(new CdrWritten(w.Record.SessionId)));
    }
}
