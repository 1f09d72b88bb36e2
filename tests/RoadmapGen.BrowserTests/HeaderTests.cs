using System.Text.Json;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// The header at a laptop's 1280 px: one row in every language of the site, light and dark, with
/// every part shown whole and in the body's text size (a longer language's names may take two
/// lines inside the row, never a second row).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HeaderTests(SiteFixture site)
{
    // One 44 px row of controls and the header's padding and border: 61 px since the English header fit one row.
    private const double OneRow = 62;

    // Each part's box, its text clipped or not, and the text sizes of the body and the header's names.
    private const string Measure = """
        () => {
          const header = document.querySelector('.site-header');
          const parts = [...header.querySelectorAll(':scope > .brand, :scope > .site-nav, :scope > .search, :scope > .language-switcher, :scope > .theme-toggle')]
            .filter(e => e.getClientRects().length > 0)
            .map(e => { const r = e.getBoundingClientRect(); return { name: e.className, top: r.top, bottom: r.bottom }; });
          const names = [...header.querySelectorAll('.brand span, .site-nav a, .language-switcher a:not([aria-current])')];
          return JSON.stringify({
            height: header.getBoundingClientRect().height,
            parts,
            clipped: names.filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map(e => e.textContent.trim()),
            bodySize: parseFloat(getComputedStyle(document.body).fontSize),
            smallest: Math.min(...names.map(e => parseFloat(getComputedStyle(e).fontSize))),
            shown: names.map(e => e.textContent.trim()),
          });
        }
        """;

    private sealed record Part(string Name, double Top, double Bottom);

    private sealed record HeaderBox(double Height, Part[] Parts, string[] Clipped, double BodySize, double Smallest, string[] Shown);

    private static async Task<HeaderBox> MeasureAsync(IPage page) =>
        JsonSerializer.Deserialize<HeaderBox>(await page.EvaluateAsync<string>(Measure), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [BrowserTheory]
    [InlineData("", "light")]
    [InlineData("", "dark")]
    [InlineData("es/", "light")]
    [InlineData("es/", "dark")]
    public async Task The_header_is_one_row_at_1280_px_in_English_and_Spanish(string language, string scheme)
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
            var header = await MeasureAsync(page);
            var where = $"/{url} ({scheme})";
            if (header.Height > OneRow) problems.Add($"{where}: the header is {header.Height:0.#} px tall, more than one row ({OneRow} px)");
            var row = header.Parts.MaxBy(p => p.Bottom - p.Top)!;
            foreach (var part in header.Parts.Where(p => (p.Top + p.Bottom) / 2 < row.Top || (p.Top + p.Bottom) / 2 > row.Bottom))
                problems.Add($"{where}: '{part.Name}' is not on the header's one row");
            if (header.Clipped.Length > 0) problems.Add($"{where}: cut off: {string.Join(", ", header.Clipped)}");
            if (header.Smallest < header.BodySize) problems.Add($"{where}: a name in the header is {header.Smallest} px, smaller than the text's {header.BodySize} px");
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
