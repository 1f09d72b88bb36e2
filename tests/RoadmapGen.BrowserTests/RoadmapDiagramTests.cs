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

        // Alternatives of a choice sit in its group, in reading order like the rest.
        var slugs = await page.Locator("ol.map > li.stage > ol.stage-topics li.node")
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
            await page.ArriveAtAsync(site.Url($"backend/{topic.Slug}/"));
            await Expect(page.Locator("h1")).ToHaveTextAsync(topic.Title);
        }
    }

    [BrowserFact]
    public async Task Home_page_lists_every_stage_with_its_path_count_and_a_link_to_it()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("");
        var items = page.Locator(".home-roadmap ol.stage-grid > li");
        // The same count the map shows for the stage: its topics on a reader's path.
        var expected = site.Content.Stages.Select((s, i) => $"{i + 1} {s.Key} {RoadmapContent.PathCount(s)} on your path");
        var texts = await items.EvaluateAllAsync<string[]>("items => items.map(li => [...li.querySelectorAll('a > span')].map(s => s.textContent.trim()).join(' '))");
        Assert.Equal(expected, texts);

        var hrefs = await items.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        await page.GotoAsync("backend/");
        foreach (var (href, stage) in hrefs.Zip(site.Content.Stages))
        {
            Assert.StartsWith(site.Url("backend/#"), href);
            var target = page.Locator($"li.stage[id='{new Uri(href).Fragment[1..]}'] .stage-title");
            await Expect(target).ToContainTextAsync(stage.Key);
        }
    }

    [BrowserFact]
    public async Task Keyboard_reaches_each_node_link_then_its_status_button_in_reading_order()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        var topics = site.Content.Topics;
        await page.Locator($"li.node[data-topic='{topics[0].Slug}'] a.node-link").FocusAsync();

        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            order.Add(await page.EvaluateAsync<string>("() => document.activeElement.closest('li.node').dataset.topic + ' ' + document.activeElement.tagName.toLowerCase()"));
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal([$"{topics[0].Slug} a", $"{topics[0].Slug} button", $"{topics[1].Slug} a", $"{topics[1].Slug} button"], order);
    }

    [BrowserFact]
    public async Task Roadmap_reads_and_every_node_opens_without_JavaScript()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await session.OpenAsync("backend/");
        await Expect(page.Locator("a.node-link:visible")).ToHaveCountAsync(site.Content.Topics.Count);
        await Expect(page.Locator("button.node-status")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-progress]")).ToBeHiddenAsync();

        await page.Locator("li.node[data-topic='redis'] a.node-link").ClickAsync();
        await page.ArriveAtAsync(site.Url("backend/redis/"));
        await Expect(page.Locator("fieldset[data-status]")).ToBeHiddenAsync();
        await page.Locator("a[rel='next']").ClickAsync();
        await Expect(page.Locator("h1")).Not.ToHaveTextAsync(site.Content.Topic("redis").Title);
    }
}
