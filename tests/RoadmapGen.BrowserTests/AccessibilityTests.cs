using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    // The Spanish home, map, a translated topic and one shown in English with its notice.
    private static readonly string[] Pages = ["", "backend/", "backend/caching/", "backend/sql/", "backend/all/", "topics/?q=cache",
        "es/", "es/backend/", "es/backend/http/", "es/backend/caching/"];

    [BrowserFact]
    public async Task Pages_have_no_WCAG_A_or_AA_violations_in_light_and_dark()
    {
        // The two schemes run side by side: axe on the 97-node roadmap is the slowest part of the suite.
        var found = await Task.WhenAll(ScanAsync(dark: false), ScanAsync(dark: true));
        var all = found.SelectMany(f => f).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));
    }

    private async Task<List<string>> ScanAsync(bool dark)
    {
        var scheme = dark ? "dark" : "light";
        var found = new List<string>();
        // axe is injected as a script, which the pages' own CSP rightly refuses.
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions
        {
            BypassCSP = true, ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        if (dark) await session.Context.AddInitScriptAsync("localStorage.setItem('roadmapgen:theme', 'dark')");
        var page = await session.Context.NewPageAsync();
        foreach (var url in Pages)
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            found.AddRange(await Wcag.ViolationsAsync(page, $"/{url} {scheme}"));
        }

        // The open search list and a marked roadmap with picks made are states no page load shows.
        await page.GotoAsync("backend/");
        try
        {
            await page.Locator("select#pick-choice-python").SelectOptionAsync("java");
            await page.Locator("select#pick-choice-mysql").SelectOptionAsync("postgresql");
            await page.Locator("li.node[data-topic='caching'] button.node-status").ClickAsync();
            await page.Locator("li.node[data-topic='http'] button.node-status").ClickAsync();
            await page.Locator("#search-input").FillAsync("cach");
            // The first search imports the search library and indexes every topic (slow on a loaded machine).
            await Expect(page.Locator("#search-results li[role='option']").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await page.Locator("#search-input").PressAsync("ArrowDown");
        }
        catch (PlaywrightException e)
        {
            found.Add($"/backend/ {scheme}: could not pick, open search or mark nodes: {e.Message.Split('\n')[0]}");
        }
        found.AddRange(await Wcag.ViolationsAsync(page, $"/backend/ with search open {scheme}"));

        await page.Locator("#search-input").FillAsync("qqqzzz");
        await page.WaitForFunctionAsync("() => !document.getElementById('search-results').textContent.includes('Caching')");
        found.AddRange(await Wcag.ViolationsAsync(page, $"/backend/ with a search that finds nothing {scheme}"));
        return found;
    }
}
