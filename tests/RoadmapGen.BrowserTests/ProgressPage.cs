using System.Text.Json;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>The progress controls of the roadmap and topic pages, as the UI contract names them.</summary>
internal static class ProgressPage
{
    public const string StorageKey = "roadmapgen:progress:backend";
    public static readonly Dictionary<string, string> Labels = new()
    {
        ["todo"] = "Not started", ["doing"] = "In progress", ["done"] = "Done", ["skip"] = "Skipped",
    };

    public static ILocator Node(IPage page, string slug) => page.Locator($"li.node[data-topic='{slug}']");
    public static ILocator StatusButton(IPage page, string slug) => Node(page, slug).Locator("button.node-status");

    public static ILocator StatusMenu(IPage page) => page.Locator("#status-menu");

    /// <summary>Opens a node's status menu and picks the wanted state from it.</summary>
    public static async Task SetStateOnRoadmapAsync(IPage page, string slug, string state)
    {
        await StatusButton(page, slug).ClickAsync();
        await Expect(StatusMenu(page)).ToBeVisibleAsync();
        await StatusMenu(page).GetByRole(AriaRole.Button, new() { Name = Labels[state], Exact = true }).ClickAsync();
        await Expect(StatusMenu(page)).ToBeHiddenAsync();
        await Expect(Node(page, slug)).ToHaveAttributeAsync("data-state", state);
    }

    /// <summary>Each node's state, and the word that shows it: colour alone must not carry it.</summary>
    public static async Task ExpectStatesAsync(IPage page, IReadOnlyDictionary<string, string> states)
    {
        foreach (var (slug, state) in states)
        {
            await Expect(Node(page, slug)).ToHaveAttributeAsync("data-state", state);
            await Expect(Node(page, slug).Locator(".node-state")).ToHaveTextAsync(state == "todo" ? "" : Labels[state]);
        }
    }

    /// <summary>Export, import and share fold away under the map's tool bar: open them.</summary>
    public static async Task OpenToolsAsync(IPage page)
    {
        var tools = page.Locator("details.bar-more");
        if (!await tools.EvaluateAsync<bool>("d => d.open")) await tools.Locator("summary").ClickAsync();
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
