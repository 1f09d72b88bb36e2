using RoadmapGen.Cli;
using RoadmapGen.Tests.Previews;
using RoadmapGen.Write;

namespace RoadmapGen.Tests.Write;

/// <summary>
/// A rebuild takes the files the previous output already holds unchanged from it (as hard links)
/// and writes the rest: the site is the same as a build into an empty folder, and only the files
/// that changed get a new modification time, so a deploy that copies by date copies only those.
/// </summary>
public sealed class UnchangedFileTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
    private readonly TinySite _site = new();

    private string Out => Path.Combine(_site.Root, "_site");

    public void Dispose() => _site.Dispose();

    private int Build(string output) =>
        BuildCommand.Run(new BuildOptions(_site.Content, TestPaths.Templates, "/"), output, new StringWriter());

    /// <summary>The site's files, without the folder's marker (made afresh by every build).</summary>
    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != SiteWriter.Marker)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes, StringComparer.Ordinal);

    private void AgeEveryFile()
    {
        foreach (var file in Directory.GetFiles(Out, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, LongAgo);
    }

    [Fact]
    public void A_rebuild_keeps_the_modification_time_of_unchanged_files_only_and_writes_the_same_site_as_a_fresh_build()
    {
        Assert.Equal(0, Build(Out));
        AgeEveryFile();
        var before = Files(Out);
        _site.Replace("roadmaps/tiny/topics/alpha.md", "Some text about Alpha.", "Some newer text about Alpha.");

        Assert.Equal(0, Build(Out));
        var fresh = Path.Combine(_site.Root, "fresh");
        Assert.Equal(0, Build(fresh));

        var expected = Files(fresh);
        var built = Files(Out);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), built.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(built[path]), $"{path} differs from a fresh build");
        // An empty file (.nojekyll) is written afresh: there is nothing to save by linking it.
        var unchanged = expected.Keys.Where(p => expected[p].Length > 0 && before.TryGetValue(p, out var old) && old.AsSpan().SequenceEqual(expected[p])).ToList();
        var changed = expected.Keys.Where(p => !before.TryGetValue(p, out var old) || !old.AsSpan().SequenceEqual(expected[p])).ToList();
        Assert.NotEmpty(unchanged);
        Assert.Contains(Path.Combine("tiny", "alpha", "index.html"), changed);
        foreach (var path in unchanged) Assert.True(File.GetLastWriteTimeUtc(Path.Combine(Out, path)) == LongAgo, $"{path} was written again");
        foreach (var path in changed) Assert.True(File.GetLastWriteTimeUtc(Path.Combine(Out, path)) != LongAgo, $"{path} kept the old file's time");
        Assert.DoesNotContain(Directory.GetDirectories(_site.Root), d => Path.GetFileName(d).StartsWith("_site.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_edited_in_the_previous_output_or_replaced_by_a_symbolic_link_is_written_afresh()
    {
        Assert.Equal(0, Build(Out));
        AgeEveryFile();
        var home = Path.Combine(Out, "index.html");
        var original = File.ReadAllBytes(home);
        // The same length, one byte changed: only a comparison of the bytes tells it apart.
        var edited = (byte[])original.Clone();
        edited[^2] = edited[^2] == (byte)'x' ? (byte)'y' : (byte)'x';
        File.WriteAllBytes(home, edited);
        File.SetLastWriteTimeUtc(home, LongAgo);
        // A link to a file outside the site holding the page's very bytes.
        var page = Path.Combine(Out, "tiny", "alpha", "index.html");
        var outside = Path.Combine(_site.Root, "outside.html");
        File.Copy(page, outside);
        File.Delete(page);
        File.CreateSymbolicLink(page, outside);

        Assert.Equal(0, Build(Out));

        Assert.Equal(original, File.ReadAllBytes(home));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(home));
        Assert.Null(new FileInfo(page).LinkTarget);
        Assert.Equal(File.ReadAllBytes(outside), File.ReadAllBytes(page));
        Assert.True(File.Exists(outside));
    }
}
