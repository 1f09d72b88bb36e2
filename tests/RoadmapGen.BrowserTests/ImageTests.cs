using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// Load's rule for images (saved beside the content, never another site's) and the pages'
/// Content-Security-Policy must agree: every image the build accepts is one the reader sees.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ImageTests(SiteFixture site)
{
    /// <summary>Every built page that shows an image from content/, as URLs relative to the base path.</summary>
    private List<string> PagesWithContentImages() => Directory.EnumerateFiles(site.OutDir, "index.html", SearchOption.AllDirectories)
        .Where(f => File.ReadAllText(f).Contains("src=\"" + SiteFixture.BasePath + "media/", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(site.OutDir, Path.GetDirectoryName(f)!).Replace('\\', '/') + "/")
        .Order(StringComparer.Ordinal).ToList();

    [BrowserFact]
    public async Task Every_image_the_build_accepts_loads_with_no_CSP_violation_in_light_and_dark()
    {
        var pages = PagesWithContentImages();
        Assert.Contains("backend/client-and-server/", pages);
        Assert.Contains("backend/all/", pages);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { ColorScheme = scheme });
            foreach (var url in pages)
            {
                var page = await session.OpenAsync(url);
                var images = page.Locator($"main img[src^='{SiteFixture.BasePath}media/']");
                Assert.True(await images.CountAsync() > 0, $"{url} shows no content image");
                foreach (var image in await images.AllAsync())
                {
                    await image.ScrollIntoViewIfNeededAsync();
                    var width = await image.EvaluateAsync<int>("async i => { await i.decode().catch(() => {}); return i.naturalWidth; }");
                    Assert.True(width > 0, $"{await image.GetAttributeAsync("src")} did not load on {url}");
                    Assert.False(string.IsNullOrWhiteSpace(await image.GetAttributeAsync("alt")), "an image without a text alternative");
                }
                Assert.Empty(await BrowserSession.CspViolationsAsync(page));
            }
        }
    }

    [BrowserFact]
    public async Task A_diagram_opened_on_its_own_is_a_drawing_that_runs_nothing()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/client-and-server/");
        var src = await page.Locator($"main img[src^='{SiteFixture.BasePath}media/']").First.GetAttributeAsync("src");
        var response = await page.GotoAsync(new Uri(site.SiteUrl, src!).ToString());
        Assert.Equal(200, response!.Status);
        Assert.StartsWith("image/svg+xml", response.Headers["content-type"]);
        Assert.Equal(0, await page.Locator("script, foreignObject").CountAsync());
        await Expect(page.Locator("text").First).ToBeVisibleAsync();
    }
}
