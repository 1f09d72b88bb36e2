using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// A site of several roadmaps (generated: three small ones) and its page of all roadmaps: the
/// reader's stored progress shown on it without moving anything, no WCAG A/AA violation, and
/// the header's one "Roadmaps" entry reached and followed with the keyboard.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class RoadmapsPageTests(SiteFixture site, RoadmapsPageTests.ManyRoadmapsSite many) : IClassFixture<RoadmapsPageTests.ManyRoadmapsSite>
{
    private static readonly string[] Roadmaps = ["first", "second", "third"];
    private const int TopicsEach = 3;

    public sealed class ManyRoadmapsSite() : GeneratedSite(Write);

    private static void Write(GeneratedSite site)
    {
        GeneratedContent.WriteSettings(site.Content);
        foreach (var id in Roadmaps)
        {
            var slugs = Enumerable.Range(1, TopicsEach).Select(i => $"{id}-topic-{i}").ToList();
            var roadmap = GeneratedContent.WriteRoadmap(site.Content, id,
                $"title: The {id} roadmap\nsummary: What the {id} roadmap covers.\nstages:\n  - title: Basics\n    summary: Where to start.\n    topics: [{string.Join(", ", slugs)}]\n");
            foreach (var slug in slugs) GeneratedContent.WriteTopic(roadmap, slug, $"Topic {slug}");
        }
    }

    private Task<BrowserSession> SessionAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = many.SiteUrl.ToString();
        return site.NewSessionAsync(options);
    }

    private static string Progress(string roadmap) => $".roadmap-card[data-roadmap-card='{roadmap}'] [data-roadmap-progress]";

    [BrowserFact]
    public async Task Stored_progress_shows_on_the_roadmaps_page_in_the_room_kept_for_it()
    {
        await using var session = await SessionAsync();
        var setup = await session.OpenAsync("second/");
        await setup.EvaluateAsync("""
            () => localStorage.setItem("roadmapgen:progress:second",
              JSON.stringify({ "second-topic-1": "done", "second-topic-2": "done", "second-topic-3": "doing" }))
            """);
        await setup.CloseAsync();

        var page = await session.Context.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.__shift = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
              .observe({ type: "layout-shift", buffered: true });
            """);
        await page.GotoAsync("roadmaps/");
        await Expect(page.Locator(Progress("second"))).ToHaveTextAsync("2 of 3 topics done, 1 in progress");
        await Expect(page.Locator(Progress("first"))).ToHaveTextAsync("Not started yet");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var shift = await page.EvaluateAsync<double>("() => window.__shift");
        Assert.True(shift <= 0.01, $"the roadmaps page shifted by {shift:0.000} as progress filled in");

        // Progress marked in another tab shows here too.
        var other = await session.OpenAsync("third/");
        await other.EvaluateAsync("""() => localStorage.setItem("roadmapgen:progress:third", JSON.stringify({ "third-topic-1": "done" }))""");
        await Expect(page.Locator(Progress("third"))).ToHaveTextAsync("1 of 3 topics done");
        Assert.Empty(session.Errors);
    }

    [BrowserFact]
    public async Task The_roadmaps_page_has_no_WCAG_A_or_AA_violations_in_light_and_dark()
    {
        var found = new List<string>();
        foreach (var dark in new[] { false, true })
        {
            await using var session = await SessionAsync(new BrowserNewContextOptions { BypassCSP = true, ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
            if (dark) await session.Context.AddInitScriptAsync("localStorage.setItem('roadmapgen:theme', 'dark')");
            await session.Context.AddInitScriptAsync("""localStorage.setItem("roadmapgen:progress:first", JSON.stringify({ "first-topic-1": "done" }))""");
            var page = await session.OpenAsync("roadmaps/");
            await Expect(page.Locator(Progress("first"))).ToHaveTextAsync("1 of 3 topics done");
            found.AddRange(await Wcag.ViolationsAsync(page, dark ? "dark" : "light"));
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [BrowserFact]
    public async Task The_keyboard_reaches_the_headers_roadmaps_entry_and_then_every_roadmap_on_its_page()
    {
        await using var session = await SessionAsync();
        var page = await session.OpenAsync("second/second-topic-2/");
        var roadmapsEntry = false;
        for (var i = 0; i < 10 && !roadmapsEntry; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            roadmapsEntry = await page.EvaluateAsync<bool>("() => document.activeElement?.matches('.site-nav a') && document.activeElement.textContent === 'Roadmaps'");
        }
        Assert.True(roadmapsEntry, "ten presses of Tab did not reach the header's Roadmaps entry");
        await page.Keyboard.PressAsync("Enter");
        // Only that Enter followed the link.
        await page.ArriveAtAsync(new System.Text.RegularExpressions.Regex("/roadmaps/$"));
        // Screen readers hear which entry is the page they are on.
        await Expect(page.Locator(".site-nav a[aria-current='page']")).ToHaveTextAsync("Roadmaps");

        var reached = new List<string>();
        for (var i = 0; i < 30 && reached.Count < Roadmaps.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var title = await page.EvaluateAsync<string?>("() => document.activeElement?.closest('.roadmap-card h2') ? document.activeElement.textContent : null");
            if (title is not null) reached.Add(title);
        }
        Assert.Equal(Roadmaps.Select(id => $"The {id} roadmap"), reached);
    }
}
