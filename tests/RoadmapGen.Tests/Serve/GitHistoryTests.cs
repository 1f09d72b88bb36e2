using RoadmapGen.Memo;
using System.Xml.Linq;
using RoadmapGen.Load;
using RoadmapGen.Serve;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Serve;

/// <summary>serve asks git for commit dates only when git's history has moved, and then shows the new dates.</summary>
public sealed class GitHistoryTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly DateTimeOffset First = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private static readonly DateTimeOffset Second = new(2026, 11, 12, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Amended = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static string AlphaLastmod(BuildResult build) =>
        XDocument.Parse(System.Text.Encoding.UTF8.GetString(build.Files.Single(f => f.Path == "sitemap.xml").Content)).Root!
            .Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value == "/tiny/alpha/").Element(Sitemap + "lastmod")!.Value;

    /// <summary>A rebuild as serve's makes it: the memo finds the changed files by their content.</summary>
    private static BuildResult Rebuild(TinySite site, BuildMemo cache)
    {
        var result = SiteBuild.Run(new BuildOptions(site.Content, TestPaths.Templates), cache);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        return result;
    }

    [Fact]
    public void A_commit_or_an_amend_made_while_serving_shows_its_date_on_the_next_rebuild_like_a_fresh_build()
    {
        using var site = new TinySite();
        site.CommitEverything(First);
        var cache = new BuildMemo(Keep.Everything);
        Assert.Equal("2026-03-04T05:06:07Z", AlphaLastmod(Rebuild(site, cache)));

        site.Replace("roadmaps/tiny/topics/alpha.md", "Some text about Alpha.", "Some newer text about Alpha.");
        Assert.Equal("2026-03-04T05:06:07Z", AlphaLastmod(Rebuild(site, cache)));
        site.Git("commit -q -a -m second", Second);
        Assert.Equal("2026-11-12T08:30:00Z", AlphaLastmod(Rebuild(site, cache)));
        // An amend leaves the branch file the same size: its write time and HEAD's reflog still move.
        site.Git("commit -q --amend -m second", Amended);
        var amended = Rebuild(site, cache);

        Assert.Equal("2026-11-20T09:00:00Z", AlphaLastmod(amended));
        Assert.Equal(AlphaLastmod(site.Build()), AlphaLastmod(amended));
    }

    [Fact]
    public void Git_runs_once_while_history_stays_and_again_after_a_commit_in_a_worktree_too()
    {
        using var site = new TinySite();
        site.CommitEverything(First);
        var worktree = Path.Combine(site.Root, "worktree");
        site.Git($"worktree add -q \"{worktree}\"");
        var content = worktree;
        var cache = new BuildMemo(Keep.Everything);
        var reads = 0;
        GitHistory Read() { reads++; return ChangeDates.GitLog(content); }

        for (var i = 0; i < 3; i++) cache.Load.History(content, Read);
        Assert.Equal(1, reads);
        Assert.NotNull(GitStamp.Of(content));

        File.AppendAllText(Path.Combine(worktree, "site.yml"), "\n");
        site.Git($"-C \"{worktree}\" commit -q -a -m second", Second);
        var dates = cache.Load.History(content, Read).Dates;

        Assert.Equal(2, reads);
        Assert.Equal(Second, dates["site.yml"]);
    }

    [Fact]
    public void Without_a_repository_there_is_no_stamp_and_git_is_asked_every_time()
    {
        using var site = new TinySite();
        var cache = new BuildMemo(Keep.Everything);
        var reads = 0;

        for (var i = 0; i < 2; i++) cache.Load.History(site.Content, () => { reads++; return GitHistory.Empty; });

        Assert.Null(GitStamp.Of(site.Content));
        Assert.Equal(2, reads);
    }
}
