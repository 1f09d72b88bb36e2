using AngleSharp.Html.Parser;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Site;

/// <summary>A site of many roadmaps, generated: one header entry for all of them, and a home page that introduces each.</summary>
public class ManyRoadmapsTests
{
    [Fact]
    public void Ninety_roadmaps_get_one_header_entry_and_a_home_page_that_lists_each_in_brief()
    {
        using var site = new TinySite();
        var tiny = site.File("roadmaps/tiny");
        for (var i = 1; i < 90; i++)
        {
            TestPaths.CopyDirectory(tiny, site.File($"roadmaps/r{i:00}"));
            File.WriteAllText(site.File($"roadmaps/r{i:00}/roadmap.yml"),
                File.ReadAllText(site.File($"roadmaps/r{i:00}/roadmap.yml")).Replace("title: Tiny", $"title: Roadmap number {i}"));
        }
        var result = site.Build();
        var parser = new HtmlParser();
        var topicPage = parser.ParseDocument(result.Files.Single(f => f.Path == "r42/alpha/index.html").Html!);
        var entries = topicPage.QuerySelectorAll(".site-nav li a").Select(a => a.TextContent).ToList();
        Assert.Equal(1, entries.Count(e => e.StartsWith("Roadmap", StringComparison.Ordinal)));
        Assert.Contains("Roadmaps", entries);

        var homeFile = result.Files.Single(f => f.Path == "index.html");
        var home = parser.ParseDocument(homeFile.Html!);
        var cards = home.QuerySelectorAll(".roadmap-card");
        Assert.Equal(90, cards.Length);
        Assert.Contains("Roadmap number 42", cards.Select(c => c.QuerySelector("h3")!.TextContent));
        Assert.All(cards, c => Assert.Contains("1 stage, 2 topics", c.TextContent));
        // Brief: no topic of any roadmap is listed on the home page itself.
        Assert.Empty(home.QuerySelectorAll(".stage-grid, template[data-path]"));
        // A few hundred bytes per roadmap, so ninety real ones stay far under 300 KB.
        Assert.True(homeFile.Content.Length < 90 * 1_000 + 20_000, $"home page is {homeFile.Content.Length} bytes");
    }
}
