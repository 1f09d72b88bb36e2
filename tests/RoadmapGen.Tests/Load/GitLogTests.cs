using RoadmapGen.Load;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Load;

/// <summary>
/// git is asked about the content folder only, yet its history keeps every commit of the
/// repository: a translation's source-commit may name one that changed nothing in the content.
/// </summary>
public sealed class GitLogTests
{
    private static readonly DateTimeOffset First = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset Outside = new(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);
    private static readonly DateTimeOffset Alpha = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private static readonly DateTimeOffset Merge = new(2026, 4, 5, 6, 7, 8, TimeSpan.Zero);

    [Fact]
    public void The_history_of_a_content_folder_inside_a_repository_keeps_merges_and_commits_outside_it_with_files_named_from_it()
    {
        using var site = new TinySite();
        // The repository is the folder above the content, as in this project.
        site.Git("-C .. init -q -b main");
        site.Git("-C .. add -A");
        site.Git("-C .. commit -q -m first", First);
        site.Git("-C .. checkout -q -b side");
        File.WriteAllText(Path.Combine(site.Root, "README.md"), "Not content.\n");
        site.Git("-C .. add README.md");
        site.Git("-C .. commit -q -m outside", Outside);
        site.Git("-C .. checkout -q main");
        site.Replace("roadmaps/tiny/topics/alpha.md", "Some text about Alpha.", "Some newer text about Alpha.");
        site.Git("-C .. commit -q -a -m alpha", Alpha);
        site.Git("-C .. merge -q --no-edit side", Merge);

        var history = ChangeDates.GitLog(site.Content);

        Assert.Equal([Merge, Alpha, Outside, First], history.Commits.Select(c => c.Date).Order().Reverse());
        Assert.Equal(2, history.Commits.Single(c => c.Date == Merge).Parents.Count);
        var outside = history.Commits.Single(c => c.Date == Outside);
        Assert.Empty(outside.Files);
        Assert.True(history.Contains(outside.Hash));
        Assert.Equal(["roadmaps/tiny/topics/alpha.md"], history.Commits.Single(c => c.Date == Alpha).Files);
        Assert.Equal(Alpha, history.Dates["roadmaps/tiny/topics/alpha.md"]);
        Assert.Equal(First, history.Dates["site.yml"]);
        Assert.DoesNotContain("README.md", history.Dates.Keys);
        Assert.DoesNotContain(history.Dates.Keys, k => k.StartsWith("content/", StringComparison.Ordinal));
    }
}
