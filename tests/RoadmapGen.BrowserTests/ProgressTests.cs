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
    public async Task Status_button_opens_a_menu_that_works_from_the_keyboard_and_returns_focus()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        var node = Node(page, "caching");
        var button = StatusButton(page, "caching");
        var title = site.Content.Topic("caching").Title;
        await Expect(node).ToHaveAttributeAsync("data-state", "todo");
        await Expect(button).ToHaveAttributeAsync("aria-label", new Regex($"^{Regex.Escape(title)}: not started\\b", RegexOptions.IgnoreCase));
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(StatusMenu(page)).ToBeVisibleAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        // Focus lands on the current state, and the arrows move through the four choices.
        await Expect(StatusMenu(page).Locator("button[aria-pressed='true']")).ToBeFocusedAsync();
        await Expect(StatusMenu(page).Locator("button[aria-pressed='true']")).ToHaveTextAsync("Not started");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        await ExpectStatesAsync(page, new Dictionary<string, string> { ["caching"] = "done" });
        await Expect(StatusMenu(page)).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(button).ToHaveAttributeAsync("aria-label", new Regex($"^{Regex.Escape(title)}: done\\b", RegexOptions.IgnoreCase));

        await page.Keyboard.PressAsync("Space");
        await Expect(StatusMenu(page)).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(StatusMenu(page)).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();
        await Expect(node).ToHaveAttributeAsync("data-state", "done");
        Assert.Empty(session.Errors);
    }

    [BrowserFact]
    public async Task Status_menu_follows_the_button_of_another_node()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        await StatusButton(page, "caching").ClickAsync();
        await Expect(StatusMenu(page)).ToBeVisibleAsync();

        // A node far from the open menu, so the menu does not cover its button.
        await StatusButton(page, "http").ClickAsync();
        await Expect(StatusMenu(page)).ToBeVisibleAsync();
        await Expect(StatusMenu(page)).ToHaveAttributeAsync("aria-label", "Status of " + site.Content.Topic("http").Title);
        await Expect(StatusButton(page, "caching")).ToHaveAttributeAsync("aria-expanded", "false");
        await StatusMenu(page).GetByRole(AriaRole.Button, new() { Name = "Skipped" }).ClickAsync();
        await ExpectStatesAsync(page, new Dictionary<string, string> { ["http"] = "skip", ["caching"] = "todo" });
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
                await ProgressPage.OpenToolsAsync(page);
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
            await ProgressPage.OpenToolsAsync(page);
            await page.Locator("[data-share]").ClickAsync();
            var shown = page.Locator("input[data-share-url]");
            await Expect(shown).ToBeVisibleAsync();
            link = await shown.InputValueAsync();
            Assert.Matches($"^{Regex.Escape(site.Url("backend/"))}#progress=\\d+\\.[A-Za-z0-9_-]+$", link);
            // The link goes to the clipboard after the box shows it (an awaited write): wait for it there.
            await page.WaitForFunctionAsync("link => navigator.clipboard.readText().then(text => text === link)", link);
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
        Assert.DoesNotContain("#progress=", opened.Url);
        await opened.ReloadAsync();
        await ExpectStatesAsync(opened, SomeProgress);
    }

    [BrowserFact]
    public async Task Declining_a_share_link_keeps_the_progress_this_browser_has()
    {
        string link;
        await using (var first = await site.NewSessionAsync())
        {
            var page = await first.OpenAsync("backend/");
            await SetStateOnRoadmapAsync(page, "redis", "done");
            await ProgressPage.OpenToolsAsync(page);
            await page.Locator("[data-share]").ClickAsync();
            await Expect(page.Locator("input[data-share-url]")).ToHaveValueAsync(new Regex("#progress="));
            link = await page.Locator("input[data-share-url]").InputValueAsync();
        }

        await using var other = await site.NewSessionAsync();
        var mine = await other.OpenAsync("backend/");
        await SetStateOnRoadmapAsync(mine, "caching", "doing");
        await mine.GotoAsync("");
        await mine.GotoAsync(link);
        var offer = mine.Locator("[data-share-offer]");
        await Expect(offer).ToContainTextAsync("1 done");
        await offer.Locator("[data-share-dismiss]").ClickAsync();
        await Expect(offer).ToBeHiddenAsync();
        await ExpectStatesAsync(mine, new Dictionary<string, string> { ["caching"] = "doing", ["redis"] = "todo" });
        Assert.Equal(new Dictionary<string, string> { ["caching"] = "doing" }, await StoredAsync(mine));
    }

    [BrowserFact]
    public async Task Importing_a_file_made_for_another_roadmap_changes_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"roadmapgen-other-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "roadmap": "frontend", "version": 1, "progress": { "caching": "done" } }""");
        try
        {
            await using var session = await site.NewSessionAsync();
            var page = await session.OpenAsync("backend/");
            await page.Locator("[data-import]").SetInputFilesAsync(file);
            await Expect(page.Locator("[data-progress-message]")).ToContainTextAsync("Could not import");
            await ExpectStatesAsync(page, new Dictionary<string, string> { ["caching"] = "todo" });
            Assert.Empty(await StoredAsync(page));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
