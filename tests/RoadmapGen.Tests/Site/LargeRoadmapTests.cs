using AngleSharp.Html.Parser;

namespace RoadmapGen.Tests.Site;

/// <summary>Scriban's default loop limit (1,000 iterations shared by nested loops) would fail any big roadmap.</summary>
public class LargeRoadmapTests
{
    [Fact]
    public void A_roadmap_of_1500_topics_in_one_stage_renders_every_topic_on_its_pages()
    {
        const int count = 1500;
        var content = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(content, "site.yml"), "title: Big\ndescription: A big site.\n");
        var topics = Path.Combine(content, "roadmaps", "big", "topics");
        Directory.CreateDirectory(topics);
        var slugs = Enumerable.Range(1, count).Select(i => $"topic-{i}").ToList();
        File.WriteAllText(Path.Combine(content, "roadmaps", "big", "roadmap.yml"),
            $"title: Big\nsummary: Many topics.\nstages:\n  - title: All\n    summary: Everything.\n    topics: [{string.Join(", ", slugs)}]\n");
        foreach (var slug in slugs)
            File.WriteAllText(Path.Combine(topics, slug + ".md"),
                $"---\ntitle: Topic {slug}\nsummary: About {slug}.\nresources:\n  - title: Docs\n    url: https://example.com/{slug}\n    type: official\n  - title: Guide\n    url: https://example.org/{slug}\n    type: article\n---\n\nText about {slug}.\n");

        var result = SiteBuild.Run(new BuildOptions(content, TestPaths.Templates, "/"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        var parser = new HtmlParser();
        var roadmap = parser.ParseDocument(result.Files.Single(f => f.Path == "big/index.html").Html!);
        Assert.Equal(count, roadmap.QuerySelectorAll("ol.map .node").Length);
        var whole = parser.ParseDocument(result.Files.Single(f => f.Path == "big/all/index.html").Html!);
        Assert.Equal(count, whole.QuerySelectorAll("article.all-topic").Length);
        Assert.Equal(2 * count, whole.QuerySelectorAll(".print-links a").Length);
        Directory.Delete(content, recursive: true);
    }
}
