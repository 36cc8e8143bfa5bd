using CallCluster.Actors.Cdr;
using CallCluster.Actors.Serialization;

namespace CallCluster.Actors.Tests.Serialization;

public sealed class ManifestTableTests
{
    [Fact]
    public void Production_catalogs_have_unique_short_manifests()
    {
        var table = ManifestTable.Build(Catalogs.All);
        Assert.Equal(Catalogs.All.Sum(c => c.Entries.Count()), table.Types.Count);
        Assert.All(table.Types.Keys, m => Assert.InRange(m.Length, 1, ManifestTable.MaxManifestLength));
    }

    [Fact]
    public void Duplicate_manifest_stops_start_up_naming_both_types()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ManifestTable.Build(
            [new Catalog(new ManifestEntry("c9", typeof(CdrWritten)), new ManifestEntry("c9", typeof(CdrWriteFailed)))]));
        Assert.Contains("duplicate manifest 'c9'", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(CdrWriteFailed), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_listed_twice_is_rejected()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ManifestTable.Build(
            [new Catalog(new ManifestEntry("c8", typeof(CdrWritten))), new Catalog(new ManifestEntry("c9", typeof(CdrWritten)))]));
        Assert.Contains("listed twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_without_the_marker_interface_is_rejected()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ManifestTable.Build([new Catalog(new ManifestEntry("x1", typeof(CdrLeg)))]));
        Assert.Contains("does not implement ICallClusterMessage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_long_manifest_is_rejected()
    {
        Assert.Throws<InvalidOperationException>(() => ManifestTable.Build([new Catalog(new ManifestEntry("abcdefg", typeof(CdrWritten)))]));
    }

    private sealed class Catalog(params ManifestEntry[] entries) : ISerializationCatalog
    {
        public IEnumerable<ManifestEntry> Entries => entries;
    }
}
