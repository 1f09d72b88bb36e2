using AngleSharp.Html.Parser;
using RoadmapGen.Diagnostics;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Site;

/// <summary>A site of many roadmaps, generated: one header entry for all of them, a page that lists them, and a home page that introduces each.</summary>
public class ManyRoadmapsTests
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The tiny site's roadmap and <paramref name="more"/> copies of it, "r01" to "r89", titled "Roadmap number N".</summary>
    private static TinySite SiteOf(int more)
    {
        var site = new TinySite();
        var tiny = site.File("roadmaps/tiny");
        for (var i = 1; i <= more; i++)
        {
            TestPaths.CopyDirectory(tiny, site.File($"roadmaps/r{i:00}"));
            File.WriteAllText(site.File($"roadmaps/r{i:00}/roadmap.yml"),
                File.ReadAllText(site.File($"roadmaps/r{i:00}/roadmap.yml"))
                    .Replace("title: Tiny", $"title: Roadmap number {i}").Replace("summary: Two topics.", $"summary: What number {i} covers."));
        }
        return site;
    }

    [Fact]
    public void Ninety_roadmaps_get_one_header_entry_and_a_home_page_that_lists_each_in_brief()
    {
        using var site = SiteOf(89);
        var result = site.Build();
        var topicPage = Parser.ParseDocument(result.Files.Single(f => f.Path == "r42/alpha/index.html").Html!);
        var entries = topicPage.QuerySelectorAll(".site-nav li a").ToList();
        Assert.Equal(1, entries.Count(e => e.TextContent.StartsWith("Roadmap", StringComparison.Ordinal)));
        Assert.Equal("/roadmaps/", entries.Single(e => e.TextContent == "Roadmaps").GetAttribute("href"));

        var homeFile = result.Files.Single(f => f.Path == "index.html");
        var home = Parser.ParseDocument(homeFile.Html!);
        var cards = home.QuerySelectorAll(".roadmap-card");
        Assert.Equal(90, cards.Length);
        Assert.Contains("Roadmap number 42", cards.Select(c => c.QuerySelector("h3")!.TextContent));
        Assert.All(cards, c => Assert.Contains("1 stage, 2 topics", c.TextContent));
        // Brief: no topic of any roadmap is listed on the home page itself.
        Assert.Empty(home.QuerySelectorAll(".stage-grid, template[data-path]"));
        // A few hundred bytes per roadmap, so ninety real ones stay far under 300 KB.
        Assert.True(homeFile.Content.Length < 90 * 1_000 + 20_000, $"home page is {homeFile.Content.Length} bytes");
    }

    [Fact]
    public void The_roadmaps_page_lists_every_roadmap_with_its_title_summary_size_and_a_line_for_the_readers_progress()
    {
        using var site = SiteOf(89);
        var result = site.Build();
        var page = Parser.ParseDocument(result.Files.Single(f => f.Path == "roadmaps/index.html").Html!);

        Assert.Equal("All roadmaps", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("page", page.QuerySelector(".site-nav a[href='/roadmaps/']")!.GetAttribute("aria-current"));
        var cards = page.QuerySelectorAll("main .roadmap-card");
        Assert.Equal(90, cards.Length);
        var card = cards.Single(c => c.QuerySelector("h2 a")!.TextContent == "Roadmap number 42");
        Assert.Equal("/r42/", card.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("What number 42 covers.", card.TextContent);
        // The tiny roadmap: two required topics in one stage, both on the reader's path.
        Assert.Contains("2 topics, 2 on your path, 1 stage", card.TextContent);
        var progress = card.QuerySelector("[data-roadmap-progress]")!;
        Assert.Equal("r42", progress.GetAttribute("data-roadmap-progress"));
        Assert.Equal("2", progress.GetAttribute("data-total"));
        Assert.Contains("js-only", progress.ClassList);
        // One link per roadmap in the list, none to its topics: the page stays small with ninety.
        Assert.Equal(90, page.QuerySelectorAll("main a").Length);
    }

    [Fact]
    public void A_site_of_one_roadmap_has_no_roadmaps_page_and_its_header_links_to_the_roadmap()
    {
        using var site = new TinySite();
        var result = site.Build();
        Assert.DoesNotContain(result.Files, f => f.Path.StartsWith("roadmaps/", StringComparison.Ordinal));
        var home = Parser.ParseDocument(result.Files.Single(f => f.Path == "index.html").Html!);
        Assert.Equal("/tiny/", home.QuerySelectorAll(".site-nav a").Single(a => a.TextContent == "Roadmap").GetAttribute("href"));
    }

    [Fact]
    public void A_roadmap_folder_named_like_the_roadmaps_page_is_an_error_at_its_roadmap_yml()
    {
        using var site = SiteOf(1);
        Directory.Move(site.File("roadmaps/r01"), site.File("roadmaps/roadmaps"));
        var result = SiteBuild.Run(new BuildOptions(site.Content, TestPaths.Templates, "/"));
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics.Sorted(), d => d.IsError);
        Assert.Equal(Codes.RouteCollision, error.Code);
        Assert.EndsWith("roadmaps/roadmaps/roadmap.yml", error.File, StringComparison.Ordinal);
        Assert.Contains("rename the folder", error.Message, StringComparison.Ordinal);
    }
}
