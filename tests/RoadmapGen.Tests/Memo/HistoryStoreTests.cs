using System.Xml.Linq;
using RoadmapGen.Load;
using RoadmapGen.Memo;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Memo;

/// <summary>
/// git's history kept for the next build: git runs again only when HEAD's commit (or the clone's
/// depth) moves, the dates are the ones git gives, and a lost or broken store only costs time.
/// </summary>
public sealed class HistoryStoreTests : IDisposable
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly DateTimeOffset First = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private static readonly DateTimeOffset Second = new(2026, 11, 12, 8, 30, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Amended = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirs _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>One build's question to its memo, as Load asks it; counts the times git really ran.</summary>
    private static GitHistory Ask(string store, string content, ref int gitRuns)
    {
        var runs = 0;
        var history = new BuildMemo(Keep.Nothing, store).Load.History(content, () => { runs++; return ChangeDates.GitLog(content); });
        gitRuns += runs;
        return history;
    }

    private static string AlphaLastmod(BuildResult build) =>
        XDocument.Parse(System.Text.Encoding.UTF8.GetString(build.Files.Single(f => f.Path == "sitemap.xml").Content)).Root!
            .Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value == "/tiny/alpha/").Element(Sitemap + "lastmod")!.Value;

    [Fact]
    public void The_next_build_takes_the_history_from_the_store_until_a_commit_or_an_amend_moves_HEAD()
    {
        using var site = new TinySite();
        site.CommitEverything(First);
        var store = _temp.New();
        var gitRuns = 0;

        var first = Ask(store, site.Content, ref gitRuns);
        var again = Ask(store, site.Content, ref gitRuns);
        Assert.Equal(1, gitRuns);
        Assert.Equal(first.Commits.Select(c => (c.Hash, c.Date, string.Join(",", c.Parents), string.Join(",", c.Files))),
            again.Commits.Select(c => (c.Hash, c.Date, string.Join(",", c.Parents), string.Join(",", c.Files))));
        Assert.Equal(First, again.Dates["site.yml"]);

        File.AppendAllText(site.File("site.yml"), "\n");
        site.Git("commit -q -a -m second", Second);
        var committed = Ask(store, site.Content, ref gitRuns);
        Assert.Equal(2, gitRuns);
        // The commit's own offset, as git wrote it: a date kept is the date git gave.
        Assert.Equal(Second.Offset, committed.Dates["site.yml"].Offset);
        Assert.Equal(Second.Offset, Ask(store, site.Content, ref gitRuns).Dates["site.yml"].Offset);
        Assert.Equal(2, gitRuns);

        // An amend leaves the branch file the same size: its write time and HEAD's reflog still move.
        site.Git("commit -q --amend -m second", Amended);
        Assert.Equal(Amended, Ask(store, site.Content, ref gitRuns).Dates["site.yml"]);
        Assert.Equal(3, gitRuns);
    }

    [Fact]
    public void Builds_that_read_the_store_date_pages_as_a_build_that_ran_git()
    {
        using var site = new TinySite();
        site.CommitEverything(First);
        var store = _temp.New();
        BuildResult Build() => SiteBuild.Run(new BuildOptions(site.Content, TestPaths.Templates), new BuildMemo(Keep.Nothing, store));

        Assert.Equal("2026-03-04T05:06:07Z", AlphaLastmod(Build()));
        site.Replace("roadmaps/tiny/topics/alpha.md", "Some text about Alpha.", "Some newer text about Alpha.");
        site.Git("commit -q -a -m second", Amended);
        Build();
        var fromStore = Build();

        Assert.Equal("2026-11-20T09:00:00Z", AlphaLastmod(fromStore));
        Assert.Equal(AlphaLastmod(site.Build()), AlphaLastmod(fromStore));
    }

    [Fact]
    public void Deepening_a_shallow_clone_asks_git_again_for_the_history_it_gained()
    {
        using var site = new TinySite();
        site.CommitEverything(First);
        File.AppendAllText(site.File("site.yml"), "\n");
        site.Git("commit -q -a -m second", Second);
        var clone = Path.Combine(_temp.New(), "clone");
        site.Git($"clone -q --depth 1 \"file://{site.Content}\" \"{clone}\"");
        var store = _temp.New();
        var gitRuns = 0;

        var shallow = Ask(store, clone, ref gitRuns);
        Assert.True(shallow.Shallow);
        Assert.Single(shallow.Commits);

        site.Git($"-C \"{clone}\" fetch -q --unshallow");
        var deep = Ask(store, clone, ref gitRuns);

        Assert.Equal(2, gitRuns);
        Assert.False(deep.Shallow);
        Assert.Equal(2, deep.Commits.Count);
    }

    [Fact]
    public void A_broken_store_is_ignored_and_a_failed_git_is_never_kept()
    {
        using var site = new TinySite();
        site.CommitEverything(First);
        var store = _temp.New();
        var gitRuns = 0;
        Ask(store, site.Content, ref gitRuns);
        foreach (var file in Directory.GetFiles(store, "history-*.json")) File.WriteAllText(file, "{\"Stamp\": [1, 2");

        Assert.Equal(First, Ask(store, site.Content, ref gitRuns).Dates["site.yml"]);
        Assert.Equal(2, gitRuns);

        var failed = 0;
        var other = _temp.New();
        for (var i = 0; i < 2; i++)
            new BuildMemo(Keep.Nothing, other).Load.History(site.Content, () => { failed++; return GitHistory.Empty; });
        Assert.Equal(2, failed);
        Assert.Empty(Directory.GetFiles(other, "history-*.json"));
    }
}
