using CallCluster.Sip.Auth;
using Microsoft.Extensions.Time.Testing;

namespace CallCluster.Sip.Tests.Auth;

public sealed class NonceCountTableTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Counts_must_increase_per_nonce()
    {
        var table = new NonceCountTable(8, TimeSpan.FromMinutes(5), _time);
        var now = _time.GetUtcNow();
        Assert.Equal(NonceCountResult.Accepted, table.Check("a", now, 1));
        Assert.Equal(NonceCountResult.Replay, table.Check("a", now, 1));
        Assert.Equal(NonceCountResult.Accepted, table.Check("a", now, 3));
        Assert.Equal(NonceCountResult.Replay, table.Check("a", now, 2));
        Assert.Equal(NonceCountResult.Accepted, table.Check("b", now, 1));
        Assert.Equal(NonceCountResult.Replay, table.Check("c", now, 0));
    }

    [Fact]
    public void Memory_is_bounded_and_evicted_nonces_are_forgotten_not_reopened()
    {
        var table = new NonceCountTable(3, TimeSpan.FromMinutes(5), _time);
        var start = _time.GetUtcNow();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(NonceCountResult.Accepted, table.Check($"n{i}", start.AddSeconds(i), 1));
            Assert.True(table.Count <= 3);
        }
        Assert.Equal(NonceCountResult.Forgotten, table.Check("n0", start, 2));
        Assert.Equal(NonceCountResult.Forgotten, table.Check("n6", start.AddSeconds(6), 2));
        Assert.Equal(NonceCountResult.Accepted, table.Check("n9", start.AddSeconds(9), 2));
        Assert.Equal(NonceCountResult.Accepted, table.Check("fresh", start.AddSeconds(20), 1));
    }

    [Fact]
    public void Expired_entries_are_dropped()
    {
        var table = new NonceCountTable(100, TimeSpan.FromMinutes(5), _time);
        for (var i = 0; i < 50; i++) table.Check($"n{i}", _time.GetUtcNow(), 1);
        Assert.Equal(50, table.Count);
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(NonceCountResult.Accepted, table.Check("new", _time.GetUtcNow(), 1));
        Assert.Equal(1, table.Count);
    }
}
