using Microsoft.Playwright;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class SearchTests(SiteFixture site)
{
    // A page's first search imports the library and indexes every topic: about 0.2 s, over a
    // second on a loaded two-core machine, so the first results get longer than the default.
    private static readonly LocatorAssertionsToBeVisibleOptions FirstSearch = new() { Timeout = 15_000 };

    [BrowserFact]
    public async Task Search_finds_a_topic_by_a_word_only_its_body_contains_and_Enter_opens_it()
    {
        var (word, topic) = SearchIndex.BodyOnlyWord(SearchIndex.Load(site.OutDir));
        var target = new Uri(site.SiteUrl, topic.Url).ToString();
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("");
        var input = page.Locator("#search-input");
        await Expect(input).ToHaveAttributeAsync("role", "combobox");

        await input.FillAsync(word);
        var options = page.Locator("#search-results li[role='option']");
        await Expect(page.Locator("#search-results")).ToBeVisibleAsync(FirstSearch);
        await Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        // Found by its title in the option's text, not by a link: an option must not nest a focusable link.
        var texts = await options.AllTextContentsAsync();
        var position = texts.ToList().FindIndex(t => t.Contains(topic.Title, StringComparison.Ordinal));
        Assert.True(position >= 0, $"searching '{word}' (only in the body of {topic.Url}) listed [{string.Join(" | ", texts)}]");

        for (var i = 0; i <= position; i++) await input.PressAsync("ArrowDown");
        await Expect(options.Nth(position)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#search-results [aria-selected='true']")).ToHaveCountAsync(1);
        await input.PressAsync("Enter");
        await page.ArriveAtAsync(target);
        await Expect(page.Locator("h1")).ToHaveTextAsync(topic.Title);
    }

    [BrowserFact]
    public async Task The_search_library_and_index_load_when_the_search_box_is_first_used_not_with_the_page()
    {
        static bool SearchFile(string url) => url.EndsWith("/search-index.json", StringComparison.Ordinal)
            || url.Contains("/assets/minisearch.", StringComparison.Ordinal) || url.Contains("/assets/stemmer.", StringComparison.Ordinal);
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain(session.Requests, SearchFile);

        await page.Locator("#search-input").FillAsync("redis");
        await Expect(page.Locator("#search-results li[role='option']").First).ToBeVisibleAsync(FirstSearch);
        Assert.Equal(3, session.Requests.Where(SearchFile).Distinct().Count());
    }

    [BrowserFact]
    public async Task Arrow_keys_move_the_selection_and_Escape_closes_the_results()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("backend/");
        var input = page.Locator("#search-input");
        var results = page.Locator("#search-results");
        var options = results.Locator("li[role='option']");

        await input.FillAsync("cach");
        await Expect(results).ToBeVisibleAsync(FirstSearch);
        // 'cach' matches several topics.
        await Expect(options.Nth(1)).ToBeVisibleAsync();
        await input.PressAsync("ArrowDown");
        await Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await input.PressAsync("ArrowDown");
        await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(options.Nth(0)).Not.ToHaveAttributeAsync("aria-selected", "true");
        await input.PressAsync("ArrowUp");
        await Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(results.Locator("[aria-selected='true']")).ToHaveCountAsync(1);

        await input.PressAsync("Escape");
        await Expect(results).ToBeHiddenAsync();
        await Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(input).ToBeFocusedAsync();
        Assert.Equal(site.Url("backend/"), page.Url);
    }

    [BrowserFact]
    public async Task Clicking_a_search_result_opens_its_topic()
    {
        var redis = site.Content.Topic("redis");
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("topics/");
        await page.Locator("#search-input").FillAsync("redis");
        var option = page.Locator("#search-results li[role='option']").Filter(new() { HasText = redis.Title }).First;
        await Expect(option).ToBeVisibleAsync(FirstSearch);
        await option.ClickAsync();
        await page.ArriveAtAsync(site.Url("backend/redis/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(redis.Title);
    }

    [BrowserFact]
    public async Task Topics_page_fills_search_results_for_the_query_with_JavaScript()
    {
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("topics/?q=cache");
        await Expect(page.Locator("[data-search-page]")).ToBeVisibleAsync(FirstSearch);
        var links = page.Locator("[data-search-page-results] a");
        await Expect(links.First).ToBeVisibleAsync();
        var hrefs = await links.EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Contains(site.Url("backend/caching/"), hrefs);
        await Expect(page.Locator("#search-input")).ToHaveValueAsync("cache");
    }

    [BrowserFact]
    public async Task Topics_page_lists_every_topic_A_to_Z_and_search_submits_to_it_without_JavaScript()
    {
        await using var session = await site.NewSessionAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await session.OpenAsync("");
        await page.Locator("#search-input").FillAsync("cache");
        await page.Locator("#search-input").PressAsync("Enter");
        await page.ArriveAtAsync(site.Url("topics/?q=cache"));

        var links = page.Locator("ul.az > li > a");
        var expected = site.Content.Topics.OrderBy(t => t.Title, StringComparer.OrdinalIgnoreCase).ToList();
        await Expect(links).ToHaveCountAsync(expected.Count);
        Assert.Equal(expected.Select(t => t.Title), (await links.AllTextContentsAsync()).Select(t => t.Trim()));
        var hrefs = await links.EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Equal(expected.Select(t => site.Url($"backend/{t.Slug}/")), hrefs);
        await Expect(page.Locator("[data-search-page]")).ToBeHiddenAsync();
    }
}
