using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Sharding;
using CallCluster.Host.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CallCluster.Host.Tests.Http;

/// <summary>The node's session list is whole or absent: a shard that did not answer the region's query makes it absent (HTTP 503), never a shorter list.</summary>
public sealed class SessionClientTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("session-client-tests");
    private readonly SessionClient _client = new(new ServiceCollection().BuildServiceProvider());

    [Fact]
    public async Task Every_shard_answered_gives_the_sessions_in_order()
    {
        var region = Region(new CurrentShardRegionState(ImmutableHashSet.Create(new ShardState("1", ImmutableHashSet.Create("b", "a")), new ShardState("2", ImmutableHashSet.Create("c"))), ImmutableHashSet<string>.Empty));

        Assert.Equal(["a", "b", "c"], await _client.LocalSessionIdsAsync(region, CancellationToken.None));
    }

    [Fact]
    public async Task A_shard_that_did_not_answer_gives_no_list()
    {
        var region = Region(new CurrentShardRegionState(ImmutableHashSet.Create(new ShardState("1", ImmutableHashSet.Create("a"))), ImmutableHashSet.Create("2")));

        Assert.Null(await _client.LocalSessionIdsAsync(region, CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    private IActorRef Region(CurrentShardRegionState state) =>
        _system.ActorOf(Props.Create(() => new Replier(state)));

    private sealed class Replier : ReceiveActor
    {
        public Replier(CurrentShardRegionState state) => Receive<GetShardRegionState>(_ => Sender.Tell(state));
    }
}
