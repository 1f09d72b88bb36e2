using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;

namespace RoadmapGen.BrowserTests;

/// <summary>On paper a link cannot be followed, so its address has to be printed beside it.</summary>
[Collection(SiteCollection.Name)]
public sealed class PrintTests(SiteFixture site)
{
    private static Task<string> PrintedAfterAsync(ILocator link) =>
        link.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content");

    [BrowserFact]
    public async Task Printed_roadmap_spells_out_every_topic_link_with_its_full_address()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        // Printing from the browser fires beforeprint, which page.pdf does not: the script makes hrefs absolute then.
        await page.EvaluateAsync("() => dispatchEvent(new Event('beforeprint'))");

        var redis = page.Locator("li.node[data-topic='redis'] a.node-link");
        Assert.Contains(site.Url("backend/redis/"), await PrintedAfterAsync(redis));
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 20_000, $"the printed roadmap is only {pdf.Length} bytes");
    }

    [BrowserFact]
    public async Task Printed_roadmap_without_JavaScript_still_shows_each_topic_path()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await session.OpenAsync("backend/");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Contains(SiteFixture.BasePath + "backend/redis/", await PrintedAfterAsync(page.Locator("li.node[data-topic='redis'] a.node-link")));
    }

    [BrowserFact]
    public async Task Printed_whole_roadmap_spells_out_resource_links_and_starts_topics_on_new_pages()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/all/");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var resource = page.Locator("article.all-topic .print-links a").First;
        Assert.Contains(await resource.GetAttributeAsync("href") ?? "(no href)", await PrintedAfterAsync(resource));
        Assert.Equal("page", await page.Locator("article.all-topic").First.EvaluateAsync<string>("a => getComputedStyle(a).breakBefore"));
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 100_000, $"the printed whole roadmap is only {pdf.Length} bytes");
    }
}
