using System.Text.Json;
using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// The header at a laptop's 1280 px: one row in every language of the site, light and dark, with
/// every part shown whole and in the body's text size (a longer language's names may take two
/// lines inside the row, never a second row). At 1280, 1024 and a phone's 390 px no name stands
/// apart from its neighbour: a name on two lines is as wide as its longer line. At every width
/// from 320 to 1600 px no control is left alone on a row: search, languages and theme move to the
/// next row together, and the menu's links with the menu.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HeaderTests(SiteFixture site)
{
    // One 44 px row of controls and the header's padding and border: 61 px since the English header fit one row.
    private const double OneRow = 62;

    // From one name's last letter to the next one's first on the same line: the links' padding and
    // the list's gap make 15-21 px; a name wrapped by CSS left 59-73 px in Spanish.
    private const double NeighbourGap = 24;

    // 1180-1230: where the English header once left the theme button alone on a second row.
    private static readonly int[] Widths = [1280, 1230, 1200, 1180, 1024, 390];

    // Every width a window may have, on one page of each language and scheme.
    private static readonly int[] AllWidths = [.. Enumerable.Range(0, 129).Select(i => 320 + 10 * i)];

    // Each part's box, its text clipped or not, and the text sizes of the body and the header's names.
    private const string Measure = """
        () => {
          const header = document.querySelector('.site-header');
          const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).position !== 'absolute';
          const box = (e, name) => { const r = e.getBoundingClientRect(); return { name, top: r.top, bottom: r.bottom }; };
          const parts = [...header.querySelectorAll('.brand, .site-nav, .search, .language-switcher, .theme-toggle')]
            .filter(shown).map(e => box(e, e.className));
          // What a reader sees as one thing on a row: the name, each link, the search box, each other language, the theme button.
          const items = [...header.querySelectorAll('.brand, .site-nav li, .search, .language-switcher li, .theme-toggle')]
            .filter(shown).map(e => box(e, e.matches('li') ? `${e.closest('nav').className} '${e.textContent.trim()}'` : e.className));
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
            items,
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

    private sealed record HeaderBox(double Height, Part[] Parts, Part[] Items, string[] Clipped, double BodySize, double Smallest, string[] Shown, Gap[] Gaps);

    private static async Task<HeaderBox> MeasureAsync(IPage page) =>
        JsonSerializer.Deserialize<HeaderBox>(await page.EvaluateAsync<string>(Measure), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    // Narrower (320-350 px), 'About this roadmap' and 'Contributing' do not fit one line however
    // they are spaced, so each menu link may have a line of its own; the controls still may not.
    private const int NarrowestPhone = 360;

    /// <summary>
    /// The items alone on their row, nothing else beside them from top to bottom: a control or a
    /// menu link that a row's break left behind. The site's name may be (on a phone, and wherever
    /// the menu does not fit beside it, it heads the header above the menu).
    /// </summary>
    private static IEnumerable<string> Alone(HeaderBox header, int width, string where) =>
        header.Items
            .Where(item => item.Name != "brand" && (width >= NarrowestPhone || !item.Name.StartsWith("site-nav", StringComparison.Ordinal)))
            .Where(item => !header.Items.Any(other => other != item && other.Top < item.Bottom - 1 && item.Top < other.Bottom - 1))
            .Select(item => $"{where}: {item.Name} is alone on its row of the header");

    // The placeholder's letters, in the input's font, against the room inside its padding.
    private const string PlaceholderRoom = """
        () => {
          const input = document.querySelector('#search-input'), style = getComputedStyle(input);
          const text = document.createElement('canvas').getContext('2d');
          text.font = style.font;
          return input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - text.measureText(input.placeholder).width;
        }
        """;

    /// <summary>A phone's 320 px once left "Search topi" of "Search topics…": the search box says what it is at every width.</summary>
    [BrowserTheory]
    [InlineData("")]
    [InlineData("es/")]
    public async Task The_search_box_shows_its_whole_placeholder_at_every_width(string language)
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync(language + "backend/http/");
        // The theme button takes its room once app.js shows it.
        await Expect(page.Locator(".theme-toggle")).ToBeVisibleAsync();
        var cut = new List<string>();
        foreach (var width in AllWidths)
        {
            await page.SetViewportSizeAsync(width, 800);
            var room = await page.EvaluateAsync<double>(PlaceholderRoom);
            if (room < 0) cut.Add($"{width} px ({-room:0.#} px short)");
        }
        Assert.True(cut.Count == 0, $"/{language}backend/http/: the search box's placeholder is cut at " + string.Join(", ", cut));
    }

    [BrowserTheory]
    [InlineData("", "light")]
    [InlineData("", "dark")]
    [InlineData("es/", "light")]
    [InlineData("es/", "dark")]
    public async Task The_header_is_one_row_at_1280_px_no_name_stands_apart_and_no_control_is_alone_on_a_row_at_any_width(string language, string scheme)
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
            // The header is whole once app.js has shown the theme button (the one part a script adds).
            await Expect(page.Locator(".theme-toggle")).ToBeVisibleAsync();
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
                problems.AddRange(Alone(header, width, where));
                foreach (var gap in header.Gaps.Where(g => g.Px > NeighbourGap))
                    problems.Add($"{where}: {gap.Px:0} px of nothing between {gap.Between}, more than {NeighbourGap} px");
                if (header.Clipped.Length > 0) problems.Add($"{where}: cut off: {string.Join(", ", header.Clipped)}");
                if (header.Smallest < header.BodySize) problems.Add($"{where}: a name in the header is {header.Smallest} px, smaller than the text's {header.BodySize} px");
            }
            await page.SetViewportSizeAsync(1280, 800);
        }
        foreach (var width in AllWidths)
        {
            await page.SetViewportSizeAsync(width, 800);
            problems.AddRange(Alone(await MeasureAsync(page), width, $"/{language}contributing/ at {width} px ({scheme})"));
        }
        await page.SetViewportSizeAsync(1280, 800);
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
