using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>"Save this roadmap for offline": saving, reading and searching with the network off, and updating after a new build.</summary>
[Collection(SiteCollection.Name)]
public sealed class OfflineTests(SiteFixture site)
{
    private async Task<(OwnSite Own, BrowserSession Session)> StartAsync()
    {
        var own = await OwnSite.StartAsync();
        var session = await site.NewSessionAsync(new BrowserNewContextOptions { BaseURL = own.SiteUrl.ToString() });
        return (own, session);
    }

    private static Task SaveAsync(IPage page, int pages) =>
        SaveAsync(page, "Save this roadmap for offline", $@"^Saved for offline: {pages} pages and \d+ files, [\d.]+ (kB|MB)\.$");

    private static async Task SaveAsync(IPage page, string button, string saved)
    {
        var box = page.Locator("[data-offline]");
        await Expect(box).ToBeVisibleAsync();
        // Folded into the map's tool bar: one click opens it.
        if (!await box.EvaluateAsync<bool>("d => d.open")) await box.Locator("summary").ClickAsync();
        await box.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(box.Locator("[data-offline-status]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(saved), new() { Timeout = 60_000 });
    }

    [BrowserFact]
    public async Task A_saved_roadmap_opens_three_topics_and_searches_with_the_network_off()
    {
        var (own, session) = await StartAsync();
        await using var _ = own;
        await using var __ = session;
        var page = await session.OpenAsync("backend/");
        var saved = own.OfflinePages("backend");
        await SaveAsync(page, saved.Count);
        Assert.Empty(await BrowserSession.CspViolationsAsync(page));
        Assert.Empty(session.Errors);

        await session.Context.SetOfflineAsync(true);
        var topics = site.Content.Topics;
        foreach (var topic in new[] { topics[0], topics[topics.Count / 2], topics[^1] })
        {
            await page.GotoAsync($"backend/{topic.Slug}/");
            await Expect(page.Locator("h1")).ToHaveTextAsync(topic.Title);
            await Expect(page.Locator(".updated time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\d$"));
        }
        var redis = site.Content.Topic("redis");
        await page.Locator("#search-input").FillAsync("redis");
        // The search library and the index come from the saved copy too (the first search indexes every topic: slower).
        await Expect(page.Locator("#search-results li[role='option']").Filter(new() { HasText = redis.Title }).First).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The header's pages were saved too: each opens with the title its link shows.
        Assert.Contains(SiteFixture.BasePath + "about/", saved);
        var about = page.Locator(".site-nav a[href$='/about/']");
        var aboutTitle = (await about.TextContentAsync())!.Trim();
        await about.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(aboutTitle);

        // The network really is off: a page that was not saved gets the site's own explanation, not the browser's error.
        await page.GotoAsync("no-such-page/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("You are offline, and this page was not saved");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // In the site's style: the offline page was saved with the stylesheet it links.
        await Expect(page.Locator("link[rel='stylesheet']")).ToHaveAttributeAsync("href",
            new Regex(Regex.Escape(SiteFixture.BasePath + "assets/style.") + "[0-9a-f]+\\.css$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the saved home page" }).ClickAsync();
        await page.ArriveAtAsync(own.SiteUrl.ToString());
        await Expect(page.Locator("a.button[href$='/backend/']").First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_Spanish_reader_offline_is_told_in_Spanish_that_a_page_was_not_saved_and_led_to_the_Spanish_pages_kept()
    {
        var (own, session) = await StartAsync();
        await using var _ = own;
        await using var __ = session;
        var page = await session.OpenAsync("es/backend/");
        var saved = own.OfflinePages("es/backend");
        await SaveAsync(page, "Guardar esta hoja de ruta para leerla sin conexión",
            $@"^Guardado para leer sin conexión: {saved.Count} páginas y \d+ archivos, [\d.,]+ (kB|MB)\.$");
        Assert.Contains(SiteFixture.BasePath + "es/offline.html", saved);
        Assert.Empty(session.Errors);

        await session.Context.SetOfflineAsync(true);
        await page.GotoAsync("es/no-such-page/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Estás sin conexión y esta página no se guardó");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        // Every page it offers was kept, in Spanish: the Contributing page opens translated.
        var kept = await page.Locator("main ul a").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
        Assert.NotEmpty(kept);
        Assert.All(kept, url => Assert.Contains(url, saved));
        await page.Locator("main ul a[href$='/es/contributing/']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cómo contribuir");
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ir a la página de inicio guardada" }).ClickAsync();
        await page.ArriveAtAsync(own.SiteUrl + "es/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        // The page not saved is answered 503 (Service Unavailable), which the console reports; nothing else may be.
        Assert.All(session.Errors, error => Assert.Contains("503", error));
    }

    [BrowserFact]
    public async Task A_saved_Spanish_roadmap_offline_keeps_the_words_its_scripts_make_in_Spanish()
    {
        var (own, session) = await StartAsync();
        await using var _ = own;
        await using var __ = session;
        var page = await session.OpenAsync("es/backend/");
        await SaveAsync(page, "Guardar esta hoja de ruta para leerla sin conexión", "^Guardado para leer sin conexión: ");
        var words = await page.Locator("script[data-strings]").GetAttributeAsync("src");
        Assert.Contains(words, own.OfflineFiles("es/backend"));

        // A fresh page offline: its words come from the saved file, or the page would show none of the scripts' controls.
        await session.Context.SetOfflineAsync(true);
        var offline = await session.Context.NewPageAsync();
        await offline.GotoAsync("es/backend/");
        await Expect(ProgressPage.StatusButton(offline, "caching")).ToHaveAttributeAsync("aria-label", new Regex(": Sin empezar\\. Cambiar el estado$"));
        await offline.GotoAsync("es/backend/debugging/");
        await Expect(offline.Locator(".copy-button").First).ToHaveTextAsync("Copiar");
        Assert.Empty(session.Errors);
    }

    [BrowserFact]
    public async Task After_a_rebuild_the_saved_copy_shows_the_change_once_online_again()
    {
        var (own, session) = await StartAsync();
        await using var _ = own;
        await using var __ = session;
        var page = await session.OpenAsync("backend/");
        await SaveAsync(page, own.OfflinePages("backend").Count);
        var oldCache = own.CacheName;
        await Expect(page.Locator($"[data-offline-saved='{oldCache}']")).ToHaveCountAsync(1);

        const string changed = "Changed after saving, caching keeps copies close to where they are needed.";
        var caching = site.Content.Topic("caching");
        own.ChangeTopic("backend", "caching", ExistingSummary(own), "summary: " + changed);
        own.Build();
        var newCache = own.CacheName;
        Assert.NotEqual(oldCache, newCache);

        // The next visit finds the new worker, which saves the roadmap again and then removes the old copy.
        await page.GotoAsync("backend/");
        await Expect(page.Locator($"[data-offline-saved='{newCache}']")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        Assert.Equal([newCache], await page.EvaluateAsync<string[]>("() => caches.keys()"));
        await session.Context.SetOfflineAsync(true);
        await page.GotoAsync("backend/caching/");
        await Expect(page.Locator("h1")).ToHaveTextAsync(caching.Title);
        await Expect(page.Locator(".lead")).ToHaveTextAsync(changed);
    }

    private static string ExistingSummary(OwnSite own)
    {
        var line = File.ReadLines(Path.Combine(own.Content, "roadmaps", "backend", "topics", "caching.md"))
            .First(l => l.StartsWith("summary: ", StringComparison.Ordinal));
        return line;
    }
}
