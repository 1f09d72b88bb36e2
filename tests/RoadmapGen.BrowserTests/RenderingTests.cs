using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// How the main pages look at desktop and phone width, in dark mode and in print. Set
/// ROADMAPGEN_SHOTS to a folder to keep a full-page screenshot of each, for a person to look at.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class RenderingTests(SiteFixture site)
{
    private static readonly (string Name, string Url)[] Pages = [("home", ""), ("roadmap", "backend/"), ("topic", "backend/caching/")];
    private static readonly string? ShotsFolder = Environment.GetEnvironmentVariable("ROADMAPGEN_SHOTS") is { Length: > 0 } f ? f : null;

    [BrowserFact]
    public async Task Text_is_readable_against_its_background_at_desktop_phone_dark_and_print()
    {
        var modes = new (string Name, BrowserNewContextOptions Options, bool Dark, bool Print)[]
        {
            ("desktop", new() { ViewportSize = new() { Width = 1280, Height = 900 } }, false, false),
            ("phone", new() { ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 }, false, false),
            ("dark", new() { ViewportSize = new() { Width = 1280, Height = 900 }, ColorScheme = ColorScheme.Dark }, true, false),
            ("print", new() { ViewportSize = new() { Width = 1280, Height = 900 } }, false, true),
        };
        var unreadable = new List<string>();
        foreach (var (mode, options, dark, print) in modes)
        {
            await using var session = await site.NewSessionAsync(options);
            if (dark) await session.Context.AddInitScriptAsync("localStorage.setItem('roadmapgen:theme', 'dark')");
            var page = await session.Context.NewPageAsync();
            if (print) await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            foreach (var (name, url) in Pages)
            {
                await page.GotoAsync(url);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await Expect(page.Locator("h1")).ToBeVisibleAsync();
                foreach (var selector in new[] { "h1", "main p" })
                {
                    var colors = await page.Locator(selector).First.EvaluateAsync<string[]>(
                        "e => [getComputedStyle(e).color, getComputedStyle(document.body).backgroundColor]");
                    var ratio = Contrast(colors[0], colors[1]);
                    if (ratio < 4.5) unreadable.Add($"{name} {mode}: {selector} {colors[0]} on {colors[1]} = {ratio:0.00}:1");
                }
                if (ShotsFolder is not null)
                {
                    Directory.CreateDirectory(ShotsFolder);
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsFolder, $"{name}-{mode}.png"), FullPage = true });
                }
            }
        }
        Assert.True(unreadable.Count == 0, "contrast under 4.5:1: " + string.Join("; ", unreadable));
    }

    [BrowserFact]
    public async Task Print_drops_site_chrome_and_progress_controls_but_keeps_the_content()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.Context.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await page.GotoAsync("backend/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("ol.map")).ToBeVisibleAsync();
        await Expect(page.Locator("a.node-link").First).ToBeVisibleAsync();
        foreach (var chrome in new[] { ".site-header", ".site-footer", "[data-progress]", "button.node-status" })
            await Expect(page.Locator(chrome).First).ToBeHiddenAsync();
        await ExpectAllOnPaperAsync(page);

        await page.GotoAsync("backend/caching/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator(".prose")).ToBeVisibleAsync();
        await Expect(page.Locator(".resources")).ToBeVisibleAsync();
        foreach (var chrome in new[] { ".site-header", ".site-footer", "fieldset[data-status]", ".pager" })
            await Expect(page.Locator(chrome).First).ToBeHiddenAsync();
        await ExpectAllOnPaperAsync(page);
    }

    /// <summary>Visible boxes that start left of the page or end right of it: paper cuts them off.</summary>
    private static async Task ExpectAllOnPaperAsync(IPage page)
    {
        var cut = await page.EvaluateAsync<string[]>(OffPage);
        Assert.True(cut.Length == 0, $"{page.Url} in print: boxes outside the page width: {string.Join(", ", cut)}");
    }

    private const string OffPage = """
        () => [...document.querySelectorAll('main *')]
          .filter(e => { const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5) && !e.closest('.visually-hidden'); })
          .slice(0, 5)
          .map(e => `${e.tagName.toLowerCase()}.${e.className} left=${Math.round(e.getBoundingClientRect().left)} right=${Math.round(e.getBoundingClientRect().right)}`)
        """;

    [GeneratedRegex(@"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)")]
    private static partial Regex Rgb();

    private static double Contrast(string foreground, string background)
    {
        static (double L, double A) Parse(string css)
        {
            var m = Rgb().Match(css);
            if (!m.Success) throw new FormatException($"unexpected colour {css}");
            double Channel(int i)
            {
                var c = int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }
            var alpha = m.Groups[4].Success ? double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) : 1;
            return (0.2126 * Channel(1) + 0.7152 * Channel(2) + 0.0722 * Channel(3), alpha);
        }
        var (fg, _) = Parse(foreground);
        var (bg, bgAlpha) = Parse(background);
        // A transparent body shows the canvas, which is white unless a dark color-scheme is in force.
        if (bgAlpha == 0) bg = 1;
        var (light, dark) = fg > bg ? (fg, bg) : (bg, fg);
        return (light + 0.05) / (dark + 0.05);
    }
}
