using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// A right-to-left language (Arabic, a test language: tests/fixtures/rtl, never published) lays
/// out the map, a topic page and search mirrored, with nothing on top of anything else, nothing
/// wider than the window, and no accessibility violation.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class RightToLeftTests(SiteFixture site, RightToLeftTests.RightToLeftSite rtl) : IClassFixture<RightToLeftTests.RightToLeftSite>
{
    // Boxes of elements that sit side by side or one above another, and must never meet.
    private const string Overlaps = """
        selectors => {
          const found = [];
          for (const selector of selectors) {
            const boxes = [...document.querySelectorAll(selector)]
              .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
              .map(e => [e, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.height > 0);
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const [a, ra] = boxes[i], [b, rb] = boxes[j];
                if (a.contains(b) || b.contains(a)) continue;
                if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1)
                  found.push(`${selector}: '${a.textContent.trim().slice(0, 40)}' overlaps '${b.textContent.trim().slice(0, 40)}'`);
              }
          }
          return found;
        }
        """;

    // The outermost elements that reach past the window's left or right edge.
    private const string PastTheEdges = """
        () => [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1);
          }).filter((e, _, all) => !all.includes(e.parentElement))
          .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} [${Math.round(e.getBoundingClientRect().left)}, ${Math.round(e.getBoundingClientRect().right)}]`)
        """;

    private static readonly string[] HeaderParts = [".site-header > .brand, .site-header > .site-nav, .header-tools > .search, .header-tools > .language-switcher, .header-tools > .theme-toggle"];

    public sealed class RightToLeftSite() : GeneratedSite(Write);

    private static void Write(GeneratedSite site)
    {
        var fixture = Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "rtl");
        // The test language replaces the published ones: its translations only.
        RepositoryFiles.CopyContent(site.Content, withTranslations: false);
        RepositoryFiles.CopyFolder(Path.Combine(fixture, "translations"), Path.Combine(site.Content, "translations"));
        RepositoryFiles.CopyFolder(Path.Combine(fixture, "strings"), Path.Combine(site.CopyTemplates(), "strings"));
        var siteYml = File.ReadAllText(Path.Combine(site.Content, "site.yml"));
        var languages = siteYml.IndexOf("\nlanguages:", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(site.Content, "site.yml"), (languages < 0 ? siteYml : siteYml[..(languages + 1)])
            + "languages:\n  - { code: en, name: English, dir: ltr }\n  - { code: ar, name: العربية, dir: rtl }\n");
    }

    private async Task<(BrowserSession Session, IPage Page)> OpenAsync(int width)
    {
        var session = await site.NewSessionAsync(new BrowserNewContextOptions
        {
            BaseURL = rtl.SiteUrl.ToString(), BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        return (session, await session.Context.NewPageAsync());
    }

    private static async Task<List<string>> ProblemsAsync(IPage page, string where, params string[] selectors)
    {
        var problems = new List<string>();
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (width, viewport) = (sizes[0], sizes[1]);
        if (width > viewport)
            problems.Add($"{where}: the page is {width} px wide in a {viewport} px window (it scrolls sideways); past its edges: "
                + string.Join(", ", await page.EvaluateAsync<string[]>(PastTheEdges)));
        problems.AddRange((await page.EvaluateAsync<string[]>(Overlaps, HeaderParts.Concat(selectors).ToArray())).Select(p => $"{where}: {p}"));
        problems.AddRange(await Wcag.ViolationsAsync(page, where));
        return problems;
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_map_a_topic_and_search_are_mirrored_without_overlap_or_sideways_scroll(int width)
    {
        var (session, page) = await OpenAsync(width);
        await using var _ = session;
        var problems = new List<string>();

        await page.GotoAsync("ar/backend/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        problems.AddRange(await ProblemsAsync(page, $"/ar/backend/ at {width} px", "li.node", ".stage-head", ".stage-number, .stage-title"));
        // Mirrored: the header starts at the right, with the site's name.
        var (brand, header) = (await page.Locator(".site-header .brand").BoundingBoxAsync(), await page.Locator(".site-header").BoundingBoxAsync());
        Assert.True(brand!.X + brand.Width / 2 > header!.X + header.Width / 2, $"the brand is on the left of a right-to-left header at {width} px");

        await page.GotoAsync("ar/backend/http/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("HTTP و HTTPS", await page.Locator("h1").TextContentAsync());
        problems.AddRange(await ProblemsAsync(page, $"/ar/backend/http/ at {width} px", ".topic-main, .topic-side", ".breadcrumbs li", ".pager a"));

        await page.Locator("#search-input").FillAsync("cach");
        // The first search imports the search library and indexes every topic (slow on a loaded machine).
        await Expect(page.Locator("#search-results li[role='option']").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // The Arabic site's own index, which links its own pages.
        Assert.Contains(session.Requests, r => r.EndsWith("/ar/search-index.json", StringComparison.Ordinal));
        problems.AddRange(await ProblemsAsync(page, $"/ar/backend/http/ with search open at {width} px", "#search-results li[role='option']"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(session.Errors);
    }
}
