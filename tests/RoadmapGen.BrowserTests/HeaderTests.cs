using System.Text.Json;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// The header at a laptop's 1280 px: one row in every language of the site, light and dark, with
/// every part shown whole and in the body's text size (a longer language's names may take two
/// lines inside the row, never a second row). At 1280, 1024 and a phone's 390 px no name stands
/// apart from its neighbour: a name on two lines is as wide as its longer line.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HeaderTests(SiteFixture site)
{
    // One 44 px row of controls and the header's padding and border: 61 px since the English header fit one row.
    private const double OneRow = 62;

    // From one name's last letter to the next one's first on the same line: the links' padding and
    // the list's gap make 15-21 px; a name wrapped by CSS left 59-73 px in Spanish.
    private const double NeighbourGap = 24;

    private static readonly int[] Widths = [1280, 1024, 390];

    // Each part's box, its text clipped or not, and the text sizes of the body and the header's names.
    private const string Measure = """
        () => {
          const header = document.querySelector('.site-header');
          const parts = [...header.querySelectorAll(':scope > .brand, :scope > .site-nav, :scope > .search, :scope > .language-switcher, :scope > .theme-toggle')]
            .filter(e => e.getClientRects().length > 0)
            .map(e => { const r = e.getBoundingClientRect(); return { name: e.className, top: r.top, bottom: r.bottom }; });
          const names = [...header.querySelectorAll('.brand span, .site-nav a, .language-switcher a:not([aria-current])')];
          // Where each name's letters are (not its box), and the space a reader sees from one name to
          // the next beside it on the same line (a phone puts some on rows of their own).
          const letters = e => { const r = document.createRange(); r.selectNodeContents(e); return { name: e.textContent.trim(), box: r.getBoundingClientRect() }; };
          const placed = [...header.querySelectorAll('.brand span, .site-nav a')].map(letters);
          const gaps = placed.slice(1).map((b, i) => ({ a: placed[i], b }))
            .filter(({ a, b }) => a.box.top < b.box.bottom && b.box.top < a.box.bottom)
            .map(({ a, b }) => ({ between: `'${a.name}' and '${b.name}'`, px: b.box.left - a.box.right }));
          return JSON.stringify({
            height: header.getBoundingClientRect().height,
            parts,
            clipped: names.filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map(e => e.textContent.trim()),
            bodySize: parseFloat(getComputedStyle(document.body).fontSize),
            smallest: Math.min(...names.map(e => parseFloat(getComputedStyle(e).fontSize))),
            shown: names.map(e => e.textContent.trim()),
            gaps,
          });
        }
        """;

    private sealed record Part(string Name, double Top, double Bottom);

    private sealed record Gap(string Between, double Px);

    private sealed record HeaderBox(double Height, Part[] Parts, string[] Clipped, double BodySize, double Smallest, string[] Shown, Gap[] Gaps);

    private static async Task<HeaderBox> MeasureAsync(IPage page) =>
        JsonSerializer.Deserialize<HeaderBox>(await page.EvaluateAsync<string>(Measure), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [BrowserTheory]
    [InlineData("", "light")]
    [InlineData("", "dark")]
    [InlineData("es/", "light")]
    [InlineData("es/", "dark")]
    public async Task The_header_is_one_row_at_1280_px_and_no_name_stands_apart_at_1280_1024_or_390_px(string language, string scheme)
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await session.Context.NewPageAsync();
        var problems = new List<string>();
        foreach (var url in new[] { language, language + "backend/", language + "backend/http/", language + "contributing/" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 800);
                var header = await MeasureAsync(page);
                var where = $"/{url} at {width} px ({scheme})";
                if (width == 1280)
                {
                    if (header.Height > OneRow) problems.Add($"{where}: the header is {header.Height:0.#} px tall, more than one row ({OneRow} px)");
                    var row = header.Parts.MaxBy(p => p.Bottom - p.Top)!;
                    foreach (var part in header.Parts.Where(p => (p.Top + p.Bottom) / 2 < row.Top || (p.Top + p.Bottom) / 2 > row.Bottom))
                        problems.Add($"{where}: '{part.Name}' is not on the header's one row");
                }
                foreach (var gap in header.Gaps.Where(g => g.Px > NeighbourGap))
                    problems.Add($"{where}: {gap.Px:0} px of nothing between {gap.Between}, more than {NeighbourGap} px");
                if (header.Clipped.Length > 0) problems.Add($"{where}: cut off: {string.Join(", ", header.Clipped)}");
                if (header.Smallest < header.BodySize) problems.Add($"{where}: a name in the header is {header.Smallest} px, smaller than the text's {header.BodySize} px");
            }
            await page.SetViewportSizeAsync(1280, 800);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        if (language == "es/")
        {
            // The Spanish names the header wrapped before they fit: each still there, in Spanish.
            var shown = (await MeasureAsync(page)).Shown;
            Assert.Contains("Hoja de ruta del desarrollador backend", shown);
            Assert.Contains("Acerca de esta hoja de ruta", shown);
            Assert.Contains("Cómo contribuir", shown);
        }
        Assert.Empty(session.Errors);
    }
}
