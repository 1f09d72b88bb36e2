using System.Text.RegularExpressions;
using RoadmapGen.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// The relevance set (search-relevance.txt): each query typed into the header's search box must
/// show its topic among the first three options, as a reader sees them. Typed into the real
/// combobox on the real content, so it tests the shipped search.js, library and index together.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class SearchRelevanceTests(SiteFixture site)
{
    private const int Shown = 3;

    [BrowserFact]
    public async Task Every_query_of_the_relevance_set_shows_its_topic_among_the_first_three_options()
    {
        var set = RelevanceSet();
        Assert.True(set.Count >= 30, $"the relevance set has {set.Count} queries; it should keep at least 30");
        await using var session = await site.NewSessionAsync();
        var page = await session.OpenAsync("about/");
        var input = page.Locator("#search-input");
        var status = page.Locator("[data-search-status]");
        var titles = page.Locator("#search-results li[role='option'] .search-title");

        var misses = new List<string>();
        foreach (var (query, slug) in set)
        {
            var expected = site.Content.Topic(slug).Title;
            // Emptying the box empties the status at once, so the next count is this query's.
            await input.FillAsync("");
            await Expect(status).ToHaveTextAsync("");
            await input.FillAsync(query);
            // The first query waits for the library and the index (a slow, shared machine: 15 s).
            await Expect(status).ToHaveTextAsync(FoundCount(), new() { Timeout = 15_000 });
            var first = (await titles.AllTextContentsAsync()).Take(Shown).ToList();
            if (!first.Contains(expected)) misses.Add($"'{query}' should show {expected} in the first {Shown}, showed [{string.Join(" | ", first)}]");
        }
        Assert.True(misses.Count == 0, $"{misses.Count} of {set.Count} queries missed:\n" + string.Join("\n", misses));
    }

    /// <summary>Lines "query | topic slug"; # starts a comment.</summary>
    private List<(string Query, string Slug)> RelevanceSet() =>
        File.ReadLines(Path.Combine(RepositoryFiles.Root, "tests", "RoadmapGen.BrowserTests", "search-relevance.txt"))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(parts => (parts[0], parts[1]))
            .ToList();

    [GeneratedRegex(@"^\d+ found$")]
    private static partial Regex FoundCount();
}
