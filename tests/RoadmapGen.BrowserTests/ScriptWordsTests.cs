using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RoadmapGen.BrowserTests.ProgressPage;

namespace RoadmapGen.BrowserTests;

/// <summary>The words the scripts make come from the page's language's words file, and a page whose file does not load shows none of them.</summary>
[Collection(SiteCollection.Name)]
public sealed class ScriptWordsTests(SiteFixture site)
{
    [BrowserFact]
    public async Task A_Spanish_page_shows_the_words_its_scripts_make_in_Spanish_from_the_Spanish_words_file()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("es/backend/");

        await Expect(StatusButton(page, "caching")).ToHaveAttributeAsync("aria-label", new Regex(": Sin empezar\\. Cambiar el estado$"));
        await StatusButton(page, "caching").ClickAsync();
        await Expect(StatusMenu(page).Locator("button")).ToHaveTextAsync(["Sin empezar", "En curso", "Completado", "Omitido"]);
        await StatusMenu(page).GetByRole(AriaRole.Button, new() { Name = "Completado", Exact = true }).ClickAsync();
        await Expect(Node(page, "caching").Locator(".node-state")).ToHaveTextAsync("Completado");
        await Expect(page.Locator(".stage", new() { Has = Node(page, "caching") }).Locator("[data-stage-count]"))
            .ToHaveTextAsync(new Regex("^1 de \\d+ en tu recorrido"));
        await Expect(page.Locator("[data-progress-message]")).ToHaveTextAsync(new Regex(": Completado\\.$"));

        await page.GotoAsync("es/backend/caching/");
        await Expect(page.Locator("[data-status] input[value='done']")).ToBeCheckedAsync();
        await page.GotoAsync("es/backend/debugging/");
        await Expect(page.Locator(".copy-button").First).ToHaveTextAsync("Copiar");

        var words = session.Requests.Where(u => u.Contains("/assets/strings.", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Matches(@"/roadmap/assets/strings\.es\.[0-9a-f]{10}\.js$", Assert.Single(words));
        Assert.Empty(await BrowserSession.CspViolationsAsync(page));
        Assert.Empty(session.Errors);
    }

    [BrowserFact]
    public async Task A_page_whose_words_file_does_not_load_is_the_page_without_scripts_showing_no_key()
    {
        await using var session = await site.NewSessionAsync();
        await session.Context.RouteAsync(new Regex("/assets/strings\\."), route => route.AbortAsync());
        var page = await session.OpenAsync("backend/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // What the scripts would have added is not there; what they would have filled in is hidden, as without JavaScript.
        await Expect(page.Locator("html")).Not.ToHaveClassAsync(new Regex("\\bjs\\b"));
        await Expect(page.Locator("button.node-status")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-progress]")).ToBeHiddenAsync();
        await Expect(page.Locator(".choice .pick").First).ToBeHiddenAsync();
        await Expect(page.Locator(".choice-help").First).ToBeVisibleAsync();
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotMatch(@"\b(js|status|continue|choice)\.[a-z_]+\b", text);

        await page.GotoAsync("backend/first-program/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator(".copy-button")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-status]")).ToBeHiddenAsync();
        Assert.DoesNotMatch(@"\b(js|status|continue|choice)\.[a-z_]+\b", await page.Locator("body").InnerTextAsync());
        // The failed load is the console's one complaint: no script ran into the missing words.
        Assert.All(session.Errors, e => Assert.Contains("Failed to load resource", e));
    }
}
