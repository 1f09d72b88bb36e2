using System.Globalization;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace RoadmapGen.Tests.Previews;

/// <summary>"Updated …" on topic pages, the sitemap's lastmod and the Atom feed, from git history.</summary>
public sealed class FreshnessTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly DateTimeOffset First = new(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Second = new(2026, 11, 12, 8, 30, 0, TimeSpan.Zero);

    private static string Text(BuildResult build, string path) =>
        System.Text.Encoding.UTF8.GetString(build.Files.Single(f => f.Path == path).Content);

    private static Dictionary<string, string> Lastmods(BuildResult build) =>
        XDocument.Parse(Text(build, "sitemap.xml")).Root!.Elements(Sitemap + "url")
            .ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")!.Value);

    private static string UpdatedLine(BuildResult build, string path)
    {
        var page = new HtmlParser().ParseDocument(build.Files.Single(f => f.Path == path).Html!);
        var time = page.QuerySelector(".updated time")!;
        return $"{time.ParentElement!.TextContent.Trim()} ({time.GetAttribute("datetime")})";
    }

    [Fact]
    public void Lastmod_and_the_updated_line_are_the_date_of_the_last_commit_that_changed_each_file()
    {
        using var site = new TinySite();
        site.CommitEverything(First);
        site.Replace("roadmaps/tiny/topics/alpha.md", "Some text about Alpha.", "Some newer text about Alpha.");
        site.Git("commit -q -a -m second", Second);
        var log = site.Git("log -1 --format=%cI -- roadmaps/tiny/topics/alpha.md").Trim();

        var build = site.Build();

        var lastmod = Lastmods(build);
        Assert.Equal(DateTimeOffset.Parse(log, CultureInfo.InvariantCulture), DateTimeOffset.Parse(lastmod["/tiny/alpha/"], CultureInfo.InvariantCulture));
        Assert.Equal("2026-11-12T08:30:00Z", lastmod["/tiny/alpha/"]);
        Assert.Equal("2026-03-04T03:06:07Z", lastmod["/tiny/beta/"]);
        // A roadmap's pages change with any of its topics.
        Assert.Equal("2026-11-12T08:30:00Z", lastmod["/tiny/"]);
        Assert.Equal("Updated 12 November 2026 (2026-11-12)", UpdatedLine(build, "tiny/alpha/index.html"));
        Assert.Equal("Updated 4 March 2026 (2026-03-04)", UpdatedLine(build, "tiny/beta/index.html"));
    }

    [Fact]
    public void An_edit_not_yet_committed_keeps_its_commit_date_and_a_file_git_does_not_know_takes_its_file_time()
    {
        using var site = new TinySite();
        site.CommitEverything(First);
        site.Replace("roadmaps/tiny/topics/beta.md", "title: Beta\n", "title: Beta, edited\n");
        File.WriteAllText(site.File("pages/news.md"), "---\ntitle: News\nsummary: What changed.\n---\n\nNothing yet.\n");
        File.SetLastWriteTimeUtc(site.File("pages/news.md"), new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc));

        var lastmod = Lastmods(site.Build());

        Assert.Equal("2026-03-04T03:06:07Z", lastmod["/tiny/beta/"]);
        Assert.Equal("2025-01-02T03:04:05Z", lastmod["/news/"]);
    }

    [Fact]
    public void Without_git_every_file_takes_its_last_write_time()
    {
        using var site = new TinySite();
        var when = new DateTime(2024, 6, 7, 8, 9, 10, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(site.File("roadmaps/tiny/topics/alpha.md"), when);

        var build = site.Build();

        Assert.Equal("2024-06-07T08:09:10Z", Lastmods(build)["/tiny/alpha/"]);
        Assert.Equal("Updated 7 June 2024 (2024-06-07)", UpdatedLine(build, "tiny/alpha/index.html"));
    }

    [Fact]
    public void Feed_is_atom_with_the_required_elements_and_the_newest_topic_first()
    {
        using var site = new TinySite();
        site.CommitEverything(First);
        site.Replace("roadmaps/tiny/topics/beta.md", "title: Beta\n", "title: Beta & <friends>\n");
        site.Git("commit -q -a -m second", Second);

        var feed = XDocument.Parse(Text(site.Build(), "feed.xml")).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
            Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value), $"the feed has no <{required}>");
        Assert.Equal("2026-11-12T08:30:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && ((string?)l.Attribute("href"))!.EndsWith("/feed.xml", StringComparison.Ordinal));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["Beta & <friends>", "Alpha"], entries.Select(e => e.Element(Atom + "title")!.Value));
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated", "summary" })
                Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + required)?.Value), $"an entry has no <{required}>");
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture, out _));
            Assert.StartsWith("/tiny/", (string?)entry.Element(Atom + "link")!.Attribute("href"));
        }
        Assert.Equal("What Beta is about.", entries[0].Element(Atom + "summary")!.Value);
    }

    [Fact]
    public void Feed_of_the_real_site_has_absolute_ids_and_links_and_every_page_links_to_it()
    {
        var build = RealSite.Build.Value;
        var feed = XDocument.Parse(Text(build, "feed.xml")).Root!;
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(20, entries.Count);
        foreach (var entry in entries)
        {
            Assert.True(Uri.TryCreate(entry.Element(Atom + "id")!.Value, UriKind.Absolute, out var id) && id.Scheme == "https");
            var href = (string)entry.Element(Atom + "link")!.Attribute("href")!;
            Assert.StartsWith("https://", href);
            Assert.Contains(build.Files, f => f.Path == href[href.IndexOf("/roadmap/", StringComparison.Ordinal)..]["/roadmap/".Length..] + "index.html");
        }
        var dates = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);

        var parser = new HtmlParser();
        foreach (var page in build.Files.Where(f => f.IsHtml))
        {
            var link = parser.ParseDocument(page.Html!).QuerySelector("head link[rel=alternate][type='application/atom+xml']");
            // Each language has its feed: a Spanish page links the Spanish one.
            var ownFeed = page.Path.StartsWith("es/", StringComparison.Ordinal) ? "/roadmap/es/feed.xml" : "/roadmap/feed.xml";
            Assert.True(link?.GetAttribute("href") == ownFeed, $"{page.Path} does not link to its language's feed");
        }
    }
}
