using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RoadmapGen.BrowserTests.ProgressPage;

namespace RoadmapGen.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class ProgressTests(SiteFixture site)
{
    private static readonly Dictionary<string, string> SomeProgress = new()
    {
        ["caching"] = "done", ["http"] = "done", ["redis"] = "doing", ["soap"] = "skip",
    };

    [BrowserFact]
    public async Task Status_button_cycles_todo_doing_done_skip_by_click_Enter_and_Space()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        var node = Node(page, "caching");
        var button = StatusButton(page, "caching");
        var title = site.Content.Topic("caching").Title;

        await Expect(node).ToHaveAttributeAsync("data-state", "todo");
        await Expect(button).ToHaveAttributeAsync("aria-label", new Regex($"^{Regex.Escape(title)}: not started\\b", RegexOptions.IgnoreCase));

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(node).ToHaveAttributeAsync("data-state", "doing");
        await page.Keyboard.PressAsync("Space");
        await Expect(node).ToHaveAttributeAsync("data-state", "done");
        await Expect(button).ToHaveAttributeAsync("aria-label", new Regex($"^{Regex.Escape(title)}: done\\b", RegexOptions.IgnoreCase));
        await button.ClickAsync();
        await Expect(node).ToHaveAttributeAsync("data-state", "skip");
        await button.ClickAsync();
        await Expect(node).ToHaveAttributeAsync("data-state", "todo");
        await Expect(button).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task States_set_on_roadmap_and_topic_page_survive_reload_and_count_done()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        await ExpectDoneCountAsync(page, 0);
        await SetStateOnRoadmapAsync(page, "caching", "done");
        await ExpectDoneCountAsync(page, 1);

        await page.GotoAsync("backend/http/");
        var status = page.Locator("fieldset[data-status='http']");
        await Expect(status).ToBeVisibleAsync();
        await Expect(status.Locator("input[value='todo']")).ToBeCheckedAsync();
        await status.Locator("input[value='doing']").CheckAsync();

        await page.GotoAsync("backend/");
        await page.ReloadAsync();
        var expected = new Dictionary<string, string> { ["caching"] = "done", ["http"] = "doing" };
        await ExpectStatesAsync(page, expected);
        await Expect(page.Locator("li.node[data-state='todo']")).ToHaveCountAsync(site.Content.Topics.Count - 2);
        await ExpectDoneCountAsync(page, 1);
        Assert.Equal(expected, await StoredAsync(page));

        await page.GotoAsync("backend/caching/");
        await Expect(page.Locator("fieldset[data-status='caching'] input[value='done']")).ToBeCheckedAsync();
    }

    [BrowserFact]
    public async Task Exported_progress_imports_into_a_fresh_browser()
    {
        var file = Path.Combine(Path.GetTempPath(), $"roadmapgen-export-{Guid.NewGuid():N}.json");
        try
        {
            await using (var first = await site.NewSessionAsync())
            {
                var page = await first.OpenAsync("backend/");
                foreach (var (slug, state) in SomeProgress) await SetStateOnRoadmapAsync(page, slug, state);
                var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export]").ClickAsync());
                Assert.Equal("roadmapgen-backend-progress.json", download.SuggestedFilename);
                await download.SaveAsAsync(file);
            }
            using (JsonDocument.Parse(await File.ReadAllTextAsync(file))) { }

            await using var fresh = await site.NewSessionAsync();
            var restored = await fresh.OpenAsync("backend/");
            await ExpectDoneCountAsync(restored, 0);
            await restored.Locator("[data-import]").SetInputFilesAsync(file);
            await ExpectStatesAsync(restored, SomeProgress);
            await ExpectDoneCountAsync(restored, 2);
            await restored.ReloadAsync();
            await ExpectStatesAsync(restored, SomeProgress);
            Assert.Equal(SomeProgress, await StoredAsync(restored));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [BrowserFact]
    public async Task Share_link_is_copied_and_applies_progress_in_a_fresh_browser_once_accepted()
    {
        string link;
        await using (var first = await site.NewSessionAsync(new BrowserNewContextOptions { Permissions = ["clipboard-read", "clipboard-write"] }))
        {
            var page = await first.OpenAsync("backend/");
            foreach (var (slug, state) in SomeProgress) await SetStateOnRoadmapAsync(page, slug, state);
            await page.Locator("[data-share]").ClickAsync();
            var shown = page.Locator("output[data-progress-message] a[data-share-link]");
            await Expect(shown).ToBeVisibleAsync();
            link = await shown.EvaluateAsync<string>("a => a.href");
            Assert.StartsWith(site.Url("backend/") + "#progress=", link);
            Assert.Equal(link, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        }

        await using var fresh = await site.NewSessionAsync();
        var opened = await fresh.Context.NewPageAsync();
        await opened.GotoAsync(link);
        var offer = opened.Locator("[data-share-offer]");
        await Expect(offer).ToBeVisibleAsync();
        // Nothing is applied until the reader agrees: a link must not silently overwrite progress.
        await Expect(Node(opened, "caching")).ToHaveAttributeAsync("data-state", "todo");
        Assert.Empty(await StoredAsync(opened));

        await offer.Locator("[data-share-accept]").ClickAsync();
        await ExpectStatesAsync(opened, SomeProgress);
        await ExpectDoneCountAsync(opened, 2);
        await Expect(offer).ToBeHiddenAsync();
        Assert.Equal(SomeProgress, await StoredAsync(opened));
    }
}
