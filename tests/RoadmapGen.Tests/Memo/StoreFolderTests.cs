using RoadmapGen.Memo;

namespace RoadmapGen.Tests.Memo;

/// <summary>How the stores' files are named and how many the cache folder keeps.</summary>
public sealed class StoreFolderTests : IDisposable
{
    private readonly TempDirs _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Stored(string folder, string name, TimeSpan usedAgo)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, "{}");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow - usedAgo);
        return file;
    }

    [Fact]
    public void A_site_is_named_by_its_full_path_whichever_way_it_is_written()
    {
        var folder = _temp.New();
        var content = Path.Combine(folder, "content");

        Assert.Equal(StoreFolder.Site(content), StoreFolder.Site(content + Path.DirectorySeparatorChar));
        Assert.Equal(StoreFolder.Site(content), StoreFolder.Site(Path.Combine(folder, "x", "..", "content")));
        Assert.NotEqual(StoreFolder.Site(content), StoreFolder.Site(Path.Combine(folder, "other")));
        Assert.Matches("^[0-9a-f]{12}$", StoreFolder.Site(content));
    }

    [Fact]
    public void A_save_keeps_the_most_recently_used_files_of_its_store_and_none_unused_for_a_week()
    {
        var folder = _temp.New();
        var recent = Enumerable.Range(1, 10).Select(i => Stored(folder, $"guard-gen-site{i}.json", TimeSpan.FromHours(i))).ToList();
        var weekOld = Stored(folder, "guard-oldgen-site.json", TimeSpan.FromDays(8));
        var otherStore = Stored(folder, "page-links-gen-site1.json", TimeSpan.FromDays(30));
        var written = Path.Combine(folder, "guard-gen-new.json");

        StoreFolder.Replace(written, "guard", stream => stream.Write("{}"u8));

        var kept = Directory.GetFiles(folder, "guard-*.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(StoreFolder.KeptPerStore, kept.Count);
        Assert.Contains(written, kept);
        Assert.Equal(recent.Take(StoreFolder.KeptPerStore - 1).Order(StringComparer.Ordinal), kept.Where(f => f != written));
        Assert.False(File.Exists(weekOld));
        Assert.True(File.Exists(otherStore));
    }

    [Fact]
    public void Reading_a_store_marks_it_used_so_other_sites_saves_keep_it()
    {
        var folder = _temp.New();
        var read = Stored(folder, "guard-gen-read.json", TimeSpan.FromDays(6));
        for (var i = 1; i < StoreFolder.KeptPerStore; i++) Stored(folder, $"guard-gen-site{i}.json", TimeSpan.FromHours(i));

        Assert.NotNull(StoreFolder.Read(read, StoreJson.Default.StoredGuards));
        StoreFolder.Replace(Path.Combine(folder, "guard-gen-new.json"), "guard", stream => stream.Write("{}"u8));

        Assert.True(File.Exists(read));
        Assert.Equal(StoreFolder.KeptPerStore, Directory.GetFiles(folder, "guard-*.json").Length);
        Assert.False(File.Exists(Path.Combine(folder, $"guard-gen-site{StoreFolder.KeptPerStore - 1}.json")));
    }
}
