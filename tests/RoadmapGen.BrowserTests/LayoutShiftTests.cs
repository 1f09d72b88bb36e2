using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// Nothing moves once a page has painted: what the scripts add has its room from the start.
/// Cumulative layout shift as browsers report it (shifts right after a reader's input excluded).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class LayoutShiftTests(SiteFixture site)
{
    private const double MaxShift = 0.05;

    // topics/?q= is the search results page, filled in when the search index has loaded; one query matches many topics, one a few.
    private static readonly string[] Pages = ["", "backend/", "backend/caching/", "backend/python/", "topics/", "topics/?q=cache", "topics/?q=kubernets", "backend/all/", "about/", "no-such-page/"];

    public static TheoryData<int, int> Sizes => new() { { 1280, 800 }, { 1920, 1080 }, { 390, 844 } };

    /// <summary>Adds up every layout shift from the start of loading, in the page itself.</summary>
    private const string Observe = """
        window.__shift = 0;
        window.__addShifts = entries => { for (const e of entries) if (!e.hadRecentInput) window.__shift += e.value; };
        window.__shifts = new PerformanceObserver(list => window.__addShifts(list.getEntries()));
        window.__shifts.observe({ type: "layout-shift", buffered: true });
        """;

    /// <summary>
    /// The page's shifts up to its latest frame: two frames after the network went quiet, so what the last
    /// response changed has been laid out and painted, and the entries still on their way to the observer taken
    /// now (a fixed pause was a guess that a slow machine could miss).
    /// </summary>
    private const string ShiftSoFar = """
        () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
          window.__addShifts(window.__shifts.takeRecords());
          done(window.__shift);
        })))
        """;

    private async Task<List<string>> ShiftsAsync(BrowserSession session, IEnumerable<string> pages)
    {
        var found = new List<string>();
        var page = await session.Context.NewPageAsync();
        await page.AddInitScriptAsync(Observe);
        foreach (var url in pages)
        {
            await page.GotoAsync(url); // a missing page answers 404 with the site's own page
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var shift = await page.EvaluateAsync<double>(ShiftSoFar);
            if (shift > MaxShift) found.Add($"/{url}: {shift:0.000}");
        }
        return found;
    }

    [BrowserTheory]
    [MemberData(nameof(Sizes))]
    public async Task No_page_shifts_its_layout_after_first_paint(int width, int height)
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var shifts = await ShiftsAsync(session, Pages);
        Assert.True(shifts.Count == 0, $"layout shift over {MaxShift} at {width}×{height}: " + string.Join(", ", shifts));
    }

    [BrowserFact]
    public async Task Stored_progress_and_picks_do_not_shift_the_map_or_topic_pages_either()
    {
        await using var session = await site.NewSessionAsync();
        var topics = site.Content.Topics;
        var alternative = topics.First(t => t.Choice is not null && !t.Recommended);
        var page = await session.OpenAsync("backend/");
        await page.EvaluateAsync("""
            ([first, second, pick]) => {
              localStorage.setItem("roadmapgen:progress:backend", JSON.stringify({ [first]: "done", [second]: "doing" }));
              localStorage.setItem("roadmapgen:picks:backend", JSON.stringify([pick]));
            }
            """, new[] { topics[0].Slug, topics[1].Slug, alternative.Slug });
        await page.CloseAsync();
        var before = topics[topics.ToList().FindIndex(t => t.Choice == alternative.Choice) - 1];
        var shifts = await ShiftsAsync(session, ["", "backend/", $"backend/{before.Slug}/", $"backend/{alternative.Slug}/"]);
        Assert.True(shifts.Count == 0, $"layout shift over {MaxShift} with stored progress: " + string.Join(", ", shifts));
    }
}
