using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class RoadmapDiagramTests(SiteFixture site)
{
    [BrowserFact]
    public async Task Every_topic_in_roadmap_yml_has_a_node_link_in_reading_order_that_answers_200()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");

        var slugs = await page.Locator("ol.roadmap > li.stage > ol.stage-topics > li.node")
            .EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.topic)");
        Assert.Equal(site.Content.Topics.Select(t => t.Slug), slugs);

        foreach (var topic in site.Content.Topics)
        {
            var link = page.Locator($"li.node[data-topic='{topic.Slug}'] a.node-link");
            Assert.Equal(1, await link.CountAsync());
            Assert.Equal(topic.Title, (await link.Locator(".node-title").TextContentAsync())?.Trim());
            var href = await link.EvaluateAsync<string>("a => a.href");
            Assert.Equal(site.Url($"backend/{topic.Slug}/"), href);
            var response = await session.Context.APIRequest.GetAsync(href);
            Assert.True(response.Status == 200, $"{topic.Slug}: {href} answered {response.Status}");
        }
    }

    [BrowserFact]
    public async Task Clicking_a_node_opens_its_topic_page()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        var topics = site.Content.Topics;
        foreach (var topic in new[] { topics[0], topics[topics.Count / 2], topics[^1] })
        {
            await page.GotoAsync("backend/");
            await page.Locator($"li.node[data-topic='{topic.Slug}'] a.node-link").ClickAsync();
            await page.WaitForURLAsync(site.Url($"backend/{topic.Slug}/"));
            await Expect(page.Locator("h1")).ToHaveTextAsync(topic.Title);
        }
    }

    [BrowserFact]
    public async Task Home_page_lists_every_stage_with_its_topic_count_and_a_link_to_it()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("");
        var items = page.Locator(".home-roadmap ol.stage-list > li");
        var expected = site.Content.Stages.Select(s => $"{s.Key} ({s.Count()} topics)");
        Assert.Equal(expected, (await items.AllTextContentsAsync()).Select(t => t.Trim()));

        var hrefs = await items.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        await page.GotoAsync("backend/");
        foreach (var (href, stage) in hrefs.Zip(site.Content.Stages))
        {
            Assert.StartsWith(site.Url("backend/#"), href);
            var target = page.Locator($"li.stage[id='{new Uri(href).Fragment[1..]}'] .stage-title");
            await Expect(target).ToContainTextAsync(stage.Key);
        }
    }
}
