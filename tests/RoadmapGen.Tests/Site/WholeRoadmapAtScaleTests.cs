using System.Text;
using AngleSharp.Html.Parser;

namespace RoadmapGen.Tests.Site;

/// <summary>
/// One roadmap of many stages: its whole-roadmap page walks each stage's own topics, so its
/// cost grows with the topics, not with topics × stages (which met the template loop limit at
/// 10,000 topics in one roadmap).
/// </summary>
public sealed class WholeRoadmapAtScaleTests : IDisposable
{
    // 150 stages × 1,500 topics is 225,000 steps for a page that tests every topic against every
    // stage: past the loop limit the build sets for 1,500 topics (150,000).
    private const int Stages = 150, PerStage = 10;
    private readonly string _content = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_content, recursive: true);

    [Fact]
    public void A_roadmap_of_many_stages_builds_and_its_whole_page_holds_every_topic_under_its_own_stage_in_order()
    {
        File.WriteAllText(Path.Combine(_content, "site.yml"), "title: Deep\ndescription: One roadmap of many stages.\n");
        var folder = Path.Combine(_content, "roadmaps", "deep");
        Directory.CreateDirectory(Path.Combine(folder, "topics"));
        var yaml = new StringBuilder("title: Deep\nsummary: Many stages.\nstages:\n");
        for (var s = 0; s < Stages; s++)
        {
            var slugs = Enumerable.Range(0, PerStage).Select(i => $"s{s:000}t{i}").ToList();
            yaml.Append($"  - title: Stage {s}\n    summary: Part {s}.\n    topics: [{string.Join(", ", slugs)}]\n");
            foreach (var slug in slugs)
                File.WriteAllText(Path.Combine(folder, "topics", slug + ".md"),
                    $"---\ntitle: Topic {slug}\nsummary: About {slug}.\nresources:\n  - title: Docs\n    url: https://example.com/{slug}\n    type: official\n---\n\nText of {slug}.\n");
        }
        File.WriteAllText(Path.Combine(folder, "roadmap.yml"), yaml.ToString());

        var result = SiteBuild.Run(new BuildOptions(_content, TestPaths.Templates, "/"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        var page = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(result.Files.Single(f => f.Path == "deep/all/index.html").Content));
        var sections = page.QuerySelectorAll("section.all-stage").ToList();
        Assert.Equal(Stages, sections.Count);
        for (var s = 0; s < Stages; s++)
        {
            var articles = sections[s].QuerySelectorAll("article.all-topic h2").Select(h => h.TextContent).ToList();
            Assert.Equal(Enumerable.Range(0, PerStage).Select(i => $"{s * PerStage + i + 1}. Topic s{s:000}t{i}"), articles);
        }
    }
}
