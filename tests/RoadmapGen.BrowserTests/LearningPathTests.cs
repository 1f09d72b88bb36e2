using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RoadmapGen.BrowserTests.ProgressPage;

namespace RoadmapGen.BrowserTests;

/// <summary>Required, pick-one and optional topics as a reader meets them: the diagram, the picks, and progress that counts their path.</summary>
[Collection(SiteCollection.Name)]
public sealed class LearningPathTests(SiteFixture site)
{
    private const string PicksKey = "roadmapgen:picks:backend";

    private static ILocator Picker(IPage page, string firstMember) => page.Locator($"select#pick-choice-{firstMember}");

    private static async Task<string[]> SlugsAsync(IPage page, string selector) =>
        await page.Locator(selector).EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.topic)");

    private static async Task<string[]> StoredPicksAsync(IPage page) =>
        JsonSerializer.Deserialize<string[]>(await BrowserSession.LocalStorageAsync(page, PicksKey) ?? "[]")!;

    private static async Task<int> PathTotalAsync(IPage page) =>
        int.Parse((await page.Locator("[data-progress]").GetAttributeAsync("data-total"))!);

    [BrowserFact]
    public async Task Picking_an_alternative_and_finishing_the_required_topics_and_the_pick_completes_the_path()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        var required = await SlugsAsync(page, "li.node:not([data-kind])");
        var total = await PathTotalAsync(page);
        // Every required topic but caching is done already, and one (not recommended) alternative of each other choice.
        var seeded = required.Where(s => s != "caching").Concat(["mysql", "apache", "project-cms"]).ToDictionary(s => s, _ => "done");
        await page.EvaluateAsync("([key, value]) => localStorage.setItem(key, value)", new[] { StorageKey, JsonSerializer.Serialize(seeded) });
        await page.ReloadAsync();
        await ExpectDoneCountAsync(page, total - 2);

        // Python done without a pick counts for the language choice…
        await SetStateOnRoadmapAsync(page, "python", "done");
        await ExpectDoneCountAsync(page, total - 1);
        // …until the reader picks Java: then Java is what counts, and Python stays visible but muted.
        await Picker(page, "python").SelectOptionAsync("java");
        await ExpectDoneCountAsync(page, total - 2);
        await Expect(Node(page, "java")).ToHaveAttributeAsync("data-picked", "true");
        await Expect(Node(page, "java").Locator(".tag-pick")).ToHaveTextAsync("Your pick");
        await Expect(Node(page, "python")).ToHaveAttributeAsync("data-picked", "false");
        await Expect(Node(page, "python")).ToBeVisibleAsync();
        await Expect(Node(page, "python").Locator(".tag-pick")).ToBeHiddenAsync();
        await Expect(page.Locator("li.stage#a-language-and-its-frameworks [data-stage-count]")).ToHaveTextAsync("1 of 2 on your path");

        await SetStateOnRoadmapAsync(page, "java", "done");
        await SetStateOnRoadmapAsync(page, "caching", "done");
        await ExpectDoneCountAsync(page, total);
        await Expect(page.Locator("#progress-label")).ToContainTextAsync($"{total} of {total} topics on your path");
        await Expect(page.Locator("li.stage#a-language-and-its-frameworks")).ToHaveClassAsync(new Regex(@"\bis-complete\b"));
        await Expect(page.Locator("a[data-continue]")).ToBeHiddenAsync();

        // Optional topics done are extras, never part of the path's count.
        await SetStateOnRoadmapAsync(page, "graphql", "done");
        await ExpectDoneCountAsync(page, total);
        await Expect(page.Locator("#progress-label")).ToContainTextAsync("+1 optional");

        await page.ReloadAsync();
        await ExpectDoneCountAsync(page, total);
        await Expect(Picker(page, "python")).ToHaveValueAsync("java");
        await Expect(Node(page, "python")).ToHaveAttributeAsync("data-picked", "false");
        Assert.Equal(["java"], await StoredPicksAsync(page));
        Assert.Empty(session.Errors);
    }

    [BrowserFact]
    public async Task Exported_progress_and_picks_import_identically_into_a_fresh_browser()
    {
        var file = Path.Combine(Path.GetTempPath(), $"roadmapgen-path-{Guid.NewGuid():N}.json");
        try
        {
            string progress, picks;
            await using (var first = await site.NewSessionAsync())
            {
                var page = await first.OpenAsync("backend/");
                await Picker(page, "python").SelectOptionAsync("ruby");
                await Picker(page, "mysql").SelectOptionAsync("mysql");
                await SetStateOnRoadmapAsync(page, "ruby", "done");
                await SetStateOnRoadmapAsync(page, "http", "doing");
                progress = (await BrowserSession.LocalStorageAsync(page, StorageKey))!;
                picks = (await BrowserSession.LocalStorageAsync(page, PicksKey))!;
                await ProgressPage.OpenToolsAsync(page);
                var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export]").ClickAsync());
                await download.SaveAsAsync(file);
            }

            await using var fresh = await site.NewSessionAsync();
            var restored = await fresh.OpenAsync("backend/");
            await restored.Locator("[data-import]").SetInputFilesAsync(file);
            await Expect(Picker(restored, "python")).ToHaveValueAsync("ruby");
            await Expect(Picker(restored, "mysql")).ToHaveValueAsync("mysql");
            Assert.Equal(progress, await BrowserSession.LocalStorageAsync(restored, StorageKey));
            Assert.Equal(picks, await BrowserSession.LocalStorageAsync(restored, PicksKey));
            await restored.ReloadAsync();
            await Expect(Node(restored, "ruby")).ToHaveAttributeAsync("data-picked", "true");
            await ExpectDoneCountAsync(restored, 1);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [BrowserFact]
    public async Task A_share_link_carries_the_picks()
    {
        string link;
        await using (var first = await site.NewSessionAsync())
        {
            var page = await first.OpenAsync("backend/");
            await Picker(page, "python").SelectOptionAsync("csharp-dotnet");
            await Picker(page, "nginx").SelectOptionAsync("caddy");
            await SetStateOnRoadmapAsync(page, "csharp-dotnet", "done");
            await ProgressPage.OpenToolsAsync(page);
            await page.Locator("[data-share]").ClickAsync();
            await Expect(page.Locator("input[data-share-url]")).ToHaveValueAsync(new Regex("#progress="));
            link = await page.Locator("input[data-share-url]").InputValueAsync();
        }
        Assert.Matches(@"#progress=\d+\.[A-Za-z0-9_-]+&picks=\d+\.\d+$", link);

        await using var fresh = await site.NewSessionAsync();
        var opened = await fresh.Context.NewPageAsync();
        await opened.GotoAsync(link);
        var offer = opened.Locator("[data-share-offer]");
        await Expect(offer).ToContainTextAsync(site.Content.Topic("csharp-dotnet").Title);
        await Expect(Picker(opened, "python")).ToHaveValueAsync("");
        await offer.Locator("[data-share-accept]").ClickAsync();
        await Expect(Picker(opened, "python")).ToHaveValueAsync("csharp-dotnet");
        await Expect(Picker(opened, "nginx")).ToHaveValueAsync("caddy");
        Assert.Equal(["caddy", "csharp-dotnet"], (await StoredPicksAsync(opened)).Order());
        await ExpectDoneCountAsync(opened, 1);
    }

    [BrowserFact]
    public async Task Continue_link_leads_to_the_next_topic_on_the_path_on_the_roadmap_and_home_pages()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        var topics = site.Content.Topics;
        var link = page.Locator("a[data-continue]");
        await Expect(link).ToHaveAttributeAsync("href", new Uri(site.Url($"backend/{topics[0].Slug}/")).AbsolutePath);
        await SetStateOnRoadmapAsync(page, topics[0].Slug, "done");
        await SetStateOnRoadmapAsync(page, topics[1].Slug, "skip");
        await Expect(link).ToHaveTextAsync($"Continue where you left off: {topics[2].Title}");

        // The first alternatives of a choice without a pick: the recommended one; with a pick, the pick.
        var before = await SlugsAsync(page, "li.node");
        var progress = before.TakeWhile(s => s != "python").ToDictionary(s => s, _ => "done");
        await page.EvaluateAsync("([key, value]) => localStorage.setItem(key, value)", new[] { StorageKey, JsonSerializer.Serialize(progress) });
        await page.ReloadAsync();
        await Expect(link).ToHaveTextAsync($"Continue where you left off: {site.Content.Topic("python").Title}");
        await Picker(page, "python").SelectOptionAsync("php");
        await Expect(link).ToHaveTextAsync($"Continue where you left off: {site.Content.Topic("php").Title}");

        await page.GotoAsync("");
        var home = page.Locator("a[data-continue]");
        await Expect(home).ToHaveTextAsync($"Continue where you left off: {site.Content.Topic("php").Title}");
        await home.ClickAsync();
        await page.ArriveAtAsync(site.Url("backend/php/"));
    }

    [BrowserFact]
    public async Task A_topic_page_of_an_alternative_shows_the_pick_and_makes_itself_the_pick()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        await Picker(page, "python").SelectOptionAsync("python");

        await page.GotoAsync("backend/ruby/");
        var here = page.Locator("[data-pick-here='ruby']");
        await Expect(here).ToContainTextAsync($"Your pick: {site.Content.Topic("python").Title}.");
        await here.GetByRole(AriaRole.Button, new() { Name = "Make Ruby my server-side language" }).ClickAsync();
        await Expect(here).ToContainTextAsync("This is your pick.");
        await Expect(here.Locator("button")).ToBeHiddenAsync();
        Assert.Equal(["ruby"], await StoredPicksAsync(page));

        await page.GotoAsync("backend/");
        await Expect(Picker(page, "python")).ToHaveValueAsync("ruby");
        await Expect(Node(page, "python")).ToHaveAttributeAsync("data-picked", "false");
    }

    [BrowserFact]
    public async Task Without_JavaScript_the_groups_their_labels_the_legend_and_the_start_link_are_all_there()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await session.OpenAsync("backend/");
        var legend = page.Locator("section.legend");
        await Expect(legend).ToBeVisibleAsync();
        foreach (var word in new[] { "Required", "Pick one", "Recommended", "Optional" })
            await Expect(legend).ToContainTextAsync(word);

        var groups = page.Locator("li.choice");
        await Expect(groups.Locator("h3")).ToHaveTextAsync([
            "Pick one server-side language", "Pick one relational database", "Pick one practice project", "Pick one web server"]);
        await Expect(groups.Locator("select:visible")).ToHaveCountAsync(0);
        var languages = groups.First.Locator("li.node a.node-link");
        await Expect(languages).ToHaveCountAsync(8);
        await Expect(Node(page, "python").Locator(".node-tag")).ToHaveTextAsync("★ Recommended");
        await Expect(Node(page, "graphql").Locator(".node-tag")).ToHaveTextAsync("Optional");
        // The outline says it too, not colour alone.
        Assert.Equal("dashed", await Node(page, "graphql").EvaluateAsync<string>("n => getComputedStyle(n).borderTopStyle"));
        await Expect(page.Locator("a[data-continue]")).ToHaveTextAsync($"Start with the first topic: {site.Content.Topics[0].Title}");

        await page.GotoAsync("backend/java/");
        var kind = page.Locator("aside.topic-kind");
        await Expect(kind).ToContainTextAsync("One of 8 server-side language options: you need one, and Python is recommended");
        await Expect(kind.Locator("a")).ToHaveCountAsync(7);
        await kind.GetByRole(AriaRole.Link, new() { Name = "Python (recommended)" }).ClickAsync();
        await page.ArriveAtAsync(site.Url("backend/python/"));

        await page.GotoAsync("backend/soap/");
        await Expect(page.Locator("aside.topic-kind")).ToContainTextAsync("Optional:");
    }

    [BrowserFact]
    public async Task With_picks_made_the_roadmap_does_not_scroll_sideways_at_390_px()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await session.OpenAsync("backend/");
        await Picker(page, "python").SelectOptionAsync("csharp-dotnet");
        await Picker(page, "project-crm").SelectOptionAsync("project-web-crawler");
        await SetStateOnRoadmapAsync(page, "csharp-dotnet", "done");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        var choice = await page.Locator("li.choice").First.BoundingBoxAsync();
        Assert.NotNull(choice);
        Assert.True(choice.X >= 0 && choice.X + choice.Width <= 390, $"the first choice spans {choice.X}–{choice.X + choice.Width}");
    }
}
