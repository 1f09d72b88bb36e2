using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// Search on a site of many roadmaps, over the size where its index comes in parts: the first
/// search fetches the shared titles and summaries, and on a roadmap's pages that roadmap's words,
/// never the other roadmaps'; a topic of any roadmap is found by its title from anywhere.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SearchAtScaleTests(SiteFixture site, SearchAtScaleTests.ManyRoadmapsSite many) : IClassFixture<SearchAtScaleTests.ManyRoadmapsSite>
{
    private const int Roadmaps = 12, PerRoadmap = 50;
    private static readonly LocatorAssertionsToBeVisibleOptions FirstSearch = new() { Timeout = 30_000 };

    public sealed class ManyRoadmapsSite() : GeneratedSite(Write);

    /// <summary>"Alpha 0307" is topic 7 of roadmap 3; its body alone holds "bodyword03x07".</summary>
    private static string Title(int roadmap, int topic) => $"{new[] { "Alpha", "Beta", "Caching", "Queues" }[topic % 4]} {roadmap:00}{topic:00}";
    private static string BodyWord(int roadmap, int topic) => $"bodyword{roadmap:00}x{topic:00}";

    private static void Write(GeneratedSite generated) =>
        ManyRoadmapsContent.Write(generated.Content, Roadmaps, PerRoadmap, Title, summary: (_, _) => "Generated topic.", body: (r, i) => $"Text with {BodyWord(r, i)}.\n");

    private Task<BrowserSession> Session() => site.NewSessionAsync(new BrowserNewContextOptions { BaseURL = many.SiteUrl.ToString() });

    private static string[] IndexRequests(BrowserSession session) =>
        session.Requests.Where(u => u.EndsWith("/search-index.json", StringComparison.Ordinal)).Select(u => new Uri(u).AbsolutePath).Distinct().Order(StringComparer.Ordinal).ToArray();

    [BrowserFact]
    public async Task On_a_roadmaps_page_the_first_search_fetches_the_shared_index_and_that_roadmaps_words_and_finds_a_topic_by_its_body()
    {
        await using var session = await Session();
        var page = await session.OpenAsync("r03/t20/");
        var input = page.Locator("#search-input");
        await input.FillAsync(BodyWord(3, 7));
        var options = page.Locator("#search-results li[role='option']");
        await Expect(options.First).ToBeVisibleAsync(FirstSearch);
        await Expect(options.First.Locator(".search-title")).ToHaveTextAsync(Title(3, 7));
        // Typos allowed, its neighbours (bodyword03x08) match too, but only this roadmap's: no other roadmap's words were fetched.
        Assert.All(await page.Locator("#search-results .search-meta").AllTextContentsAsync(), m => Assert.StartsWith("Number 3 ", m));
        Assert.Equal(["/roadmap/r03/search-index.json", "/roadmap/search-index.json"], IndexRequests(session));

        // Enter opens the results page, which searches what the box searched: this roadmap's words too.
        await input.PressAsync("Enter");
        await page.ArriveAtAsync(new System.Text.RegularExpressions.Regex("/topics/\\?q="));
        await Expect(page.Locator("[data-search-page]")).ToBeVisibleAsync(FirstSearch);
        await Expect(page.Locator("[data-search-page-results] a").First).ToHaveTextAsync(Title(3, 7));
    }

    [BrowserFact]
    public async Task From_the_home_page_a_topic_of_any_roadmap_is_found_by_its_title_with_only_the_shared_index_fetched()
    {
        await using var session = await Session();
        var page = await session.OpenAsync("");
        await page.Locator("#search-input").FillAsync("1142");
        var first = page.Locator("#search-results li[role='option']").First;
        await Expect(first).ToBeVisibleAsync(FirstSearch);
        await Expect(first.Locator(".search-title")).ToHaveTextAsync(Title(11, 42));
        await Expect(first.Locator(".search-meta")).ToContainTextAsync("Number 11");
        await first.ClickAsync();
        await page.ArriveAtAsync(many.SiteUrl + "r11/t42/");
        Assert.Equal(["/roadmap/search-index.json"], IndexRequests(session));
    }

    [BrowserFact]
    public async Task The_results_page_searches_the_text_of_every_roadmap_when_the_reader_asks()
    {
        await using var session = await Session();
        var page = await session.OpenAsync("topics/?q=" + BodyWord(5, 9));
        var section = page.Locator("[data-search-page]");
        await Expect(section).ToBeVisibleAsync(FirstSearch);
        // From outside any roadmap the first search read titles and summaries only.
        await Expect(section.Locator("[data-search-page-results] a")).ToHaveCountAsync(0);
        Assert.Equal(["/roadmap/search-index.json"], IndexRequests(session));

        await section.Locator("button[data-search-everything]").ClickAsync();
        await Expect(section.Locator("[data-search-page-results] a").First).ToHaveTextAsync(Title(5, 9), new() { Timeout = 30_000 });
        await Expect(section.Locator("button[data-search-everything]")).ToBeHiddenAsync();
        Assert.Equal(Roadmaps + 1, IndexRequests(session).Length);
    }
}
