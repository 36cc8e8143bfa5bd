using System.Net;
using CallCluster.Actors.Directory;
using static CallCluster.Actors.Tests.Directory.DirectoryFixtures;

namespace CallCluster.Actors.Tests.Directory;

public sealed class DirectorySnapshotTests
{
    private static readonly DirectorySnapshot Snapshot = new(
        Home().Run(
            Mobile("carol"), Terminal("tv2"), Household("h2", ["carol", "alice"], ["tv2"]),
            Trunk("national", ["127.0.0.2", "10.0.0.0/8"], ["0", "+33"]),
            Trunk("mobile-carrier", ["127.0.0.3", "2001:db8::/32"], ["06", "+336"]),
            Trunk("silent", ["127.0.0.4"], [])),
        42);

    [Fact]
    public void Subscriber_lookup_by_user()
    {
        Assert.Equal(SubscriberKind.Mobile, Snapshot.FindSubscriber("alice")!.Kind);
        Assert.Null(Snapshot.FindSubscriber("nobody"));
        Assert.Equal(42, Snapshot.Version);
    }

    [Fact]
    public void Households_and_bound_terminals_of_a_mobile()
    {
        Assert.Equal(["h1", "h2"], Snapshot.HouseholdsOfMobile("alice").Select(h => h.Id).Order());
        Assert.Equal(["stb", "tv", "tv2"], Snapshot.LocalTerminalsOf("alice").Order());
        Assert.Equal(["tv2"], Snapshot.LocalTerminalsOf("carol"));
        Assert.Empty(Snapshot.HouseholdsOfMobile("tv"));
    }

    [Fact]
    public void Local_terminal_binding_is_checked_per_household()
    {
        Assert.True(Snapshot.IsLocalTerminalBoundTo("tv", "alice"));
        Assert.True(Snapshot.IsLocalTerminalBoundTo("tv2", "carol"));
        Assert.False(Snapshot.IsLocalTerminalBoundTo("tv", "carol"));
        Assert.False(Snapshot.IsLocalTerminalBoundTo("alice", "alice"));
        Assert.False(Snapshot.IsLocalTerminalBoundTo("bob", "alice"));
    }

    [Theory]
    [InlineData("127.0.0.2", "national")]
    [InlineData("10.200.3.4", "national")]
    [InlineData("::ffff:10.1.1.1", "national")]
    [InlineData("127.0.0.3", "mobile-carrier")]
    [InlineData("2001:db8:1::5", "mobile-carrier")]
    [InlineData("127.0.0.4", "silent")]
    [InlineData("127.0.0.1", null)]
    [InlineData("192.168.1.1", null)]
    public void Trunk_by_source_uses_cidr_match(string address, string? trunk)
    {
        Assert.Equal(trunk, Snapshot.TrunkBySource(IPAddress.Parse(address))?.Name);
    }

    [Theory]
    [InlineData("+33612345678", "mobile-carrier")]
    [InlineData("+33112345678", "national")]
    [InlineData("0612345678", "mobile-carrier")]
    [InlineData("0112345678", "national")]
    [InlineData("+4412345", null)]
    [InlineData("", null)]
    public void Trunk_by_longest_prefix(string number, string? trunk)
    {
        Assert.Equal(trunk, Snapshot.TrunkByPrefix(number)?.Name);
    }

    [Fact]
    public void With_keeps_the_trunk_index_when_trunks_did_not_change()
    {
        var next = Snapshot.With(Snapshot.State.Run(Other("dave")), 43);
        Assert.Equal("national", next.TrunkByPrefix("01")?.Name);
        Assert.NotNull(next.FindSubscriber("dave"));
        Assert.Null(Snapshot.FindSubscriber("dave"));
    }
}
