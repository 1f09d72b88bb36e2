using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class ThemeTests(SiteFixture site)
{
    private const string ThemeKey = "roadmapgen:theme";

    [BrowserFact]
    public async Task Dark_toggle_flips_the_theme_and_is_remembered_across_reload_and_pages()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Light });
        var page = await session.OpenAsync("");
        var html = page.Locator("html");
        var toggle = page.Locator("button[data-theme-toggle]");
        await Expect(toggle).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        var lightBackground = await BackgroundAsync(page);

        await toggle.ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        var darkBackground = await BackgroundAsync(page);
        Assert.NotEqual(lightBackground, darkBackground);
        Assert.Equal("dark", await BrowserSession.LocalStorageAsync(page, ThemeKey));

        await page.ReloadAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal(darkBackground, await BackgroundAsync(page));

        await page.GotoAsync("backend/");
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await toggle.ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Equal(lightBackground, await BackgroundAsync(page));
        await page.ReloadAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
    }

    [BrowserFact]
    public async Task Light_toggle_overrides_a_dark_system_preference()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark });
        var page = await session.OpenAsync("");
        var toggle = page.Locator("button[data-theme-toggle]");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        var systemDark = await BackgroundAsync(page);

        await toggle.ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.NotEqual(systemDark, await BackgroundAsync(page));
    }

    [BrowserFact]
    public async Task A_remembered_theme_is_set_before_the_deferred_script_runs_so_it_never_flashes()
    {
        string systemDark;
        await using (var dark = await site.NewSessionAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark }))
            systemDark = await BackgroundAsync(await dark.OpenAsync("backend/"));

        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Light });
        await session.Context.AddInitScriptAsync("localStorage.setItem('roadmapgen:theme', 'dark')");
        var page = await session.Context.NewPageAsync();
        // Without app.js the page shows what its first paint looks like.
        await page.RouteAsync("**/assets/app.*.js", route => route.AbortAsync());
        await page.GotoAsync("backend/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal(systemDark, await BackgroundAsync(page));
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
