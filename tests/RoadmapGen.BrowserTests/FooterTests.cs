using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// A page shorter than the window (the 404 and offline pages on a laptop) ends in its footer: below the footer
/// is the footer's colour, not a band of the page's background under it, in light and in dark.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class FooterTests(SiteFixture site)
{
    // What the window's bottom row shows, against the footer's own background.
    private const string Bottom = """
        () => {
          const footer = document.querySelector('.site-footer');
          const below = document.elementFromPoint(innerWidth / 2, innerHeight - 1);
          const none = 'rgba(0, 0, 0, 0)', root = document.documentElement, colour = e => getComputedStyle(e).backgroundColor;
          let painted = below;
          while (painted !== root && colour(painted) === none) painted = painted.parentElement;
          // The root's background paints the window beyond the body; without one, the body's is painted there.
          const bottom = painted !== root ? colour(painted) : colour(root) !== none ? colour(root) : colour(document.body);
          return JSON.stringify({
            gap: innerHeight - footer.getBoundingClientRect().bottom,
            footer: colour(footer),
            bottom,
            what: below ? below.tagName.toLowerCase() + (below.className ? '.' + below.className : '') : 'nothing',
          });
        }
        """;

    private sealed record Shown(double Gap, string Footer, string Bottom, string What);

    [BrowserTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Below_the_footer_of_a_short_page_is_the_footers_colour(string scheme)
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 1400 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await session.Context.NewPageAsync();
        var problems = new List<string>();
        foreach (var url in new[] { "offline.html", "no-such-page/" })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator(".site-footer")).ToBeVisibleAsync();
            var shown = System.Text.Json.JsonSerializer.Deserialize<Shown>(await page.EvaluateAsync<string>(Bottom),
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
            // Only a page that leaves room below its footer can show the difference.
            Assert.True(shown.Gap > 100, $"/{url} fills the window: choose a shorter page");
            if (shown.Bottom != shown.Footer)
                problems.Add($"/{url} ({scheme}): the window's bottom is {shown.Bottom} ({shown.What}), the footer above it {shown.Footer}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
