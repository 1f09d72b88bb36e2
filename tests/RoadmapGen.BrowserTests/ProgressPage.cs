using System.Text.Json;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>The progress controls of the roadmap and topic pages, as the UI contract names them.</summary>
internal static class ProgressPage
{
    public const string StorageKey = "roadmapgen:progress:backend";
    public static readonly string[] Cycle = ["todo", "doing", "done", "skip"];

    public static ILocator Node(IPage page, string slug) => page.Locator($"li.node[data-topic='{slug}']");
    public static ILocator StatusButton(IPage page, string slug) => Node(page, slug).Locator("button.node-status");

    /// <summary>Clicks a node's status button until it shows the wanted state (it starts at todo).</summary>
    public static async Task SetStateOnRoadmapAsync(IPage page, string slug, string state)
    {
        var clicks = Array.IndexOf(Cycle, state);
        for (var i = 1; i <= clicks; i++)
        {
            await StatusButton(page, slug).ClickAsync();
            await Expect(Node(page, slug)).ToHaveAttributeAsync("data-state", Cycle[i]);
        }
    }

    public static async Task ExpectStatesAsync(IPage page, IReadOnlyDictionary<string, string> states)
    {
        foreach (var (slug, state) in states)
            await Expect(Node(page, slug)).ToHaveAttributeAsync("data-state", state);
    }

    public static async Task ExpectDoneCountAsync(IPage page, int done)
    {
        await Expect(page.Locator("[data-progress]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-progress-done]")).ToHaveTextAsync(done.ToString());
        Assert.Equal(done, await page.Locator("[data-progress] progress").EvaluateAsync<int>("p => p.value"));
    }

    /// <summary>The stored progress; slugs not in it count as todo.</summary>
    public static async Task<Dictionary<string, string>> StoredAsync(IPage page)
    {
        var json = await BrowserSession.LocalStorageAsync(page, StorageKey);
        if (json is null) return [];
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json)!
            .Where(p => p.Value != "todo").ToDictionary();
    }
}
