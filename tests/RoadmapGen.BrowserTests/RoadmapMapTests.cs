using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// The roadmap page as a map: the whole path in a few screens at every width, the first stage
/// on the first screen, numbers in reading order down a visible path, nothing overlapping.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class RoadmapMapTests(SiteFixture site)
{
    /// <summary>Width, height, and how many screens the whole map may take at that size: the issue's
    /// targets (two at 1920×1080, about three at 1280×800, about eight on a phone), with a little room.</summary>
    public static TheoryData<int, int, double> Screens => new()
    {
        { 1920, 1080, 2.0 },
        { 1280, 800, 3.2 },
        { 768, 1024, 4.5 },
        { 390, 844, 8.5 },
    };

    [BrowserTheory]
    [MemberData(nameof(Screens))]
    public async Task The_whole_map_fits_in_a_few_screens_with_the_first_stages_topics_on_the_first(int width, int height, double screens)
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await session.OpenAsync("backend/");
        var pageHeight = await page.EvaluateAsync<double>("() => document.documentElement.scrollHeight");
        Assert.True(pageHeight <= screens * height, $"{pageHeight} px is {pageHeight / height:0.0} screens at {width}×{height}; at most {screens}");
        Assert.Equal(width, await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth"));

        // On a wide screen every node of the first stage is on the first screen, whole; on a phone, below the site's menu, the first one.
        var bottoms = await page.Locator("li.stage").First.Locator("li.node").EvaluateAllAsync<double[]>("ns => ns.map(n => n.getBoundingClientRect().bottom)");
        Assert.Equal(site.Content.Stages[0].Count(), bottoms.Length);
        var mustShow = width >= 768 ? bottoms : bottoms.Take(1);
        Assert.All(mustShow, b => Assert.True(b <= height, $"a first-stage topic ends at {b} px, below the {height} px screen"));
    }

    [BrowserFact]
    public async Task Topics_are_numbered_in_reading_order_and_laid_out_in_it_down_a_visible_path()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        var numbers = await page.Locator("ol.map li.node .node-number").AllTextContentsAsync();
        Assert.Equal(Enumerable.Range(1, site.Content.Topics.Count).Select(n => n.ToString()), numbers.Select(n => n.Trim()));

        // Reading order on screen: each next topic is right of the last on its row, or on a lower row.
        // A row is a band of height: a topic beside a pick-one frame shares the frame's row, not its inner nodes' tops.
        var boxes = await NodeBoxes(page);
        for (var i = 1; i < boxes.Length; i++)
        {
            var (a, b) = (boxes[i - 1], boxes[i]);
            var sameRow = b.Top < a.Bottom - 1 && a.Top < b.Bottom - 1;
            Assert.True(sameRow ? b.Left > a.Left : b.Top >= a.Bottom - 1, $"topic {i + 1} ({b.Slug}) does not follow topic {i} ({a.Slug}) in reading order");
        }

        // The stages' numbered circles go down the page one under another, joined by the drawn path.
        var stages = await page.Locator("li.stage").EvaluateAllAsync<double[][]>("""
            ss => ss.map(s => { const n = s.querySelector('.stage-number').getBoundingClientRect(), rail = getComputedStyle(s, '::before');
              return [n.top, n.left, parseFloat(rail.height), +s.querySelector('.stage-number').textContent]; })
            """);
        Assert.Equal(site.Content.Stages.Count, stages.Length);
        for (var i = 0; i < stages.Length; i++)
        {
            Assert.Equal(i + 1, stages[i][3]);
            Assert.True(stages[i][2] > 20, $"stage {i + 1} has no path drawn down from it");
            if (i > 0) Assert.True(stages[i][0] > stages[i - 1][0] && Math.Abs(stages[i][1] - stages[0][1]) < 1, $"stage {i + 1} is not below stage {i} on the path");
        }
    }

    [BrowserFact]
    public async Task Keyboard_reaches_every_topic_in_reading_order()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        var reached = new List<string>();
        var topics = site.Content.Topics.Count;
        for (var i = 0; i < topics * 2 + 60 && reached.Count < topics; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var slug = await page.EvaluateAsync<string?>("() => document.activeElement?.matches('a.node-link') ? document.activeElement.closest('li.node').dataset.topic : null");
            if (slug is not null) reached.Add(slug);
        }
        Assert.Equal(site.Content.Topics.Select(t => t.Slug), reached);
    }

    [BrowserFact]
    public async Task The_roadmap_page_stays_under_100_KB_of_HTML()
    {
        var bytes = new FileInfo(site.BuiltFile(SiteFixture.BasePath + "backend/index.html")).Length;
        Assert.True(bytes < 100 * 1024, $"the roadmap page is {bytes / 1024.0:0.0} KB of HTML");
    }

    internal sealed class NodeBox
    {
        public string Slug { get; set; } = "";
        public double Top { get; set; }
        public double Left { get; set; }
        public double Bottom { get; set; }
        public double Right { get; set; }
    }

    internal static Task<NodeBox[]> NodeBoxes(IPage page) => page.Locator("ol.map li.node").EvaluateAllAsync<NodeBox[]>("""
        ns => ns.map(n => { const r = n.getBoundingClientRect();
          return { slug: n.dataset.topic, top: r.top + scrollY, left: r.left, bottom: r.bottom + scrollY, right: r.right }; })
        """);

    /// <summary>Pairs of nodes whose boxes overlap, and nodes outside the window's width.</summary>
    internal static List<string> Collisions(NodeBox[] boxes, double width)
    {
        var problems = new List<string>();
        var sorted = boxes.OrderBy(b => b.Top).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Left < 0 || sorted[i].Right > width) problems.Add($"{sorted[i].Slug} reaches outside the {width} px window");
            for (var j = i + 1; j < sorted.Length && sorted[j].Top < sorted[i].Bottom; j++)
                if (sorted[j].Left < sorted[i].Right - 0.5 && sorted[i].Left < sorted[j].Right - 0.5 && sorted[j].Top < sorted[i].Bottom - 0.5)
                    problems.Add($"{sorted[i].Slug} overlaps {sorted[j].Slug}");
        }
        return problems;
    }

    [BrowserFact]
    public async Task No_two_topics_overlap_at_any_width()
    {
        foreach (var width in new[] { 360, 390, 768, 1280, 1920 })
        {
            await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
            var page = await session.OpenAsync("backend/");
            var problems = Collisions(await NodeBoxes(page), width);
            Assert.True(problems.Count == 0, $"at {width} px: " + string.Join("; ", problems.Take(10)));
        }
    }
}
