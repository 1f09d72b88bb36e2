using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class PhoneLayoutTests(SiteFixture site)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
    };

    [BrowserFact]
    public async Task Pages_do_not_scroll_sideways_at_360_px()
    {
        await using var session = await site.NewSessionAsync(Phone);
        var page = await session.Context.NewPageAsync();
        var overflowing = new List<string>();
        foreach (var url in new[] { "", "backend/", "backend/caching/", "topics/", "backend/all/" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 360)
            {
                var culprits = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > 360.5)
                      .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' right=' + Math.round(e.getBoundingClientRect().right))
                    """);
                overflowing.Add($"/{url}: scrollWidth {width} ({string.Join(", ", culprits)})");
            }
        }
        Assert.True(overflowing.Count == 0, "wider than 360 px: " + string.Join("; ", overflowing));
    }

    /// <summary>
    /// The four progress choices of a topic page, from a phone's 320 px to 1600 px: each
    /// shares its row with another or spans the whole row (320 px once left "Not started" and "Skipped" each
    /// alone at a row's start, a gap beside them).
    /// </summary>
    [BrowserTheory]
    [InlineData("")]
    [InlineData("es/")]
    public async Task No_progress_choice_of_a_topic_is_alone_on_a_row_at_any_width(string language)
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync(language + "backend/http/");
        var choices = page.Locator("fieldset.status label");
        await Expect(choices.First).ToBeVisibleAsync();
        var alone = new List<string>();
        foreach (var width in Enumerable.Range(0, 129).Select(i => 320 + 10 * i))
        {
            await page.SetViewportSizeAsync(width, 800);
            var found = await page.Locator("fieldset.status").EvaluateAsync<string[]>("""
                set => {
                  const row = set.querySelector('label').parentElement.getBoundingClientRect();
                  const boxes = [...set.querySelectorAll('label')].map(l => ({ name: l.textContent.trim(), r: l.getBoundingClientRect() }));
                  return boxes.filter(b => b.r.width < row.width * .9
                      && !boxes.some(o => o !== b && o.r.top < b.r.bottom - 1 && b.r.top < o.r.bottom - 1))
                    .map(b => `'${b.name}' ${Math.round(b.r.width)} of ${Math.round(row.width)} px`);
                }
                """);
            alone.AddRange(found.Select(f => $"{width} px: {f}"));
        }
        Assert.True(alone.Count == 0, $"/{language}backend/http/: alone on a row: " + string.Join("; ", alone));
    }

    /// <summary>Compact enough to show the map in about eight screens, still above the 24 px
    /// minimum target size of WCAG 2.2 (2.5.8) in both directions.</summary>
    private const double MinTarget = 24;

    [BrowserFact]
    public async Task Roadmap_nodes_and_their_status_buttons_are_touch_targets_of_at_least_24_px_at_360_px()
    {
        await using var session = await site.NewSessionAsync(Phone);
        var page = await session.OpenAsync("backend/");
        var links = await Heights(page, "a.node-link");
        Assert.Equal(site.Content.Topics.Count, links.Length);
        var small = links.Where(h => h.Height < MinTarget || h.Width < MinTarget).Select(h => $"{h.Slug} {h.Width:0.#}×{h.Height:0.#}px").ToList();
        Assert.True(small.Count == 0, $"node links under {MinTarget} px: " + string.Join(", ", small));

        await Expect(page.Locator("button.node-status")).ToHaveCountAsync(site.Content.Topics.Count);
        var buttons = await Heights(page, "button.node-status");
        var smallButtons = buttons.Where(h => h.Height < MinTarget || h.Width < MinTarget).Select(h => $"{h.Slug} {h.Width:0.#}×{h.Height:0.#}px").ToList();
        Assert.True(smallButtons.Count == 0, $"status buttons under {MinTarget}×{MinTarget} px: " + string.Join(", ", smallButtons));
    }

    private sealed class Box
    {
        public string Slug { get; set; } = "";
        public double Width { get; set; }
        public double Height { get; set; }
    }

    private static Task<Box[]> Heights(IPage page, string selector) =>
        page.Locator($"li.node {selector}").EvaluateAllAsync<Box[]>("""
            els => els.map(e => { const r = e.getBoundingClientRect();
              return { slug: e.closest('li.node').dataset.topic, width: r.width, height: r.height }; })
            """);
}
