using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// The map holds at any size: a generated roadmap of 1,500 topics in stages of 60, one stage
/// titled with 200 characters and one topic with a very long title, laid out at phone, tablet
/// and desktop widths without overlap or sideways scrolling.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class MapAtScaleTests(SiteFixture site, MapAtScaleTests.BigRoadmapSite big) : IClassFixture<MapAtScaleTests.BigRoadmapSite>
{
    private const int Topics = 1500;
    private const int PerStage = 60;

    private static readonly string LongStageTitle = string.Join(' ', Enumerable.Repeat("Distributed-consensus", 10)).PadRight(200, 'x')[..200];

    public sealed class BigRoadmapSite() : GeneratedSite(Write);

    private static void Write(GeneratedSite site)
    {
        GeneratedContent.WriteSettings(site.Content);
        var stages = new System.Text.StringBuilder("title: Big\nsummary: A generated roadmap of many topics.\nstages:\n");
        for (var s = 0; s < Topics / PerStage; s++)
        {
            var slugs = Enumerable.Range(s * PerStage, PerStage).Select(i => $"topic-{i:0000}").ToList();
            stages.Append($"  - title: {(s == 1 ? LongStageTitle : $"Stage {s + 1}")}\n    summary: Generated stage {s + 1}.\n    topics: [{string.Join(", ", slugs)}]\n");
            if (s == 2)
                stages.Append($"    choices:\n      - title: generated tool\n        topics: [{string.Join(", ", slugs.Take(12))}]\n        recommended: {slugs[0]}\n        reason: It is first.\n");
        }
        var roadmap = GeneratedContent.WriteRoadmap(site.Content, "big", stages.ToString());
        for (var i = 0; i < Topics; i++)
            GeneratedContent.WriteTopic(roadmap, $"topic-{i:0000}",
                i == 7 ? "A topic whose title goes on and on " + new string('w', 60) + " to test wrapping" : $"Generated topic {i}");
    }

    [BrowserFact]
    public async Task A_map_of_1500_topics_a_60_topic_stage_and_a_200_character_title_lays_out_without_overlap_or_sideways_scrolling()
    {
        foreach (var width in new[] { 360, 768, 1280, 1920 })
        {
            await using var session = await site.NewSessionAsync(new BrowserNewContextOptions
            {
                BaseURL = big.SiteUrl.ToString(), ViewportSize = new ViewportSize { Width = width, Height = 900 },
            });
            // 1,500 topics are a big page for a busy machine: give it time to load.
            var page = await session.Context.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            var response = await page.GotoAsync("big/", new() { Timeout = 90_000 });
            Assert.True(response is { Ok: true }, $"big/ answered {response?.Status}");
            Assert.Equal(width, await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth"));
            var boxes = await RoadmapMapTests.NodeBoxes(page);
            Assert.Equal(Topics, boxes.Length);
            var problems = RoadmapMapTests.Collisions(boxes, width);
            Assert.True(problems.Count == 0, $"at {width} px: " + string.Join("; ", problems.Take(10)));

            // The long stage title wraps inside the page, above its own topics.
            var title = await page.Locator("li.stage").Nth(1).Locator(".stage-title").BoundingBoxAsync();
            var firstTopic = await page.Locator("li.stage").Nth(1).Locator("li.node").First.BoundingBoxAsync();
            Assert.True(title!.X + title.Width <= width && title.Y + title.Height <= firstTopic!.Y, $"at {width} px the 200-character stage title overflows or covers its topics");
        }
    }
}
