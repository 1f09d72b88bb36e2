using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Site;

/// <summary>
/// A site over <see cref="SiteScale.SplitAboveTopics"/> topics in many roadmaps: the A–Z becomes
/// a page per letter and the search index comes in parts, while a small site keeps both whole.
/// </summary>
public sealed class SiteAtScaleTests : IDisposable
{
    private const int Roadmaps = 12, PerRoadmap = 50;
    private static readonly HtmlParser Parser = new();
    /// <summary>First letters of every kind: ASCII, accented (its own page), a digit; each title repeats in every roadmap.</summary>
    private static readonly string[] Starts = ["Alpha", "beta", "Caching", "Écrire", "3D", "Queues", "Zeal"];
    private readonly string _content = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_content, recursive: true);

    /// <summary>Roadmaps "r01"…, topics "t00"… titled "Alpha 0" etc., each body holding a word no other topic has.</summary>
    private BuildResult BuildLarge()
    {
        ManyRoadmapsContent.Write(_content, Roadmaps, PerRoadmap,
            title: (_, i) => $"{Starts[i % Starts.Length]} {i}",
            summary: (r, i) => $"Topic {i} of roadmap {r}.",
            body: (r, i) => $"## Heading {i}\n\nText with {BodyWord(r, i)}.\n");
        var result = SiteBuild.Run(new BuildOptions(_content, TestPaths.Templates, "/"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        return result;
    }

    private static string BodyWord(int roadmap, int topic) => $"bodyword{roadmap:00}x{topic:00}";

    private static IEnumerable<string> TopicUrls() =>
        from r in Enumerable.Range(1, Roadmaps) from i in Enumerable.Range(0, PerRoadmap) select $"/r{r:00}/t{i:00}/";

    private static string Text(BuildResult result, string path) => Encoding.UTF8.GetString(result.Files.Single(f => f.Path == path).Content);

    [Fact]
    public void A_large_sites_A_to_Z_is_a_page_of_letters_each_leading_to_a_page_that_lists_its_topics_so_every_topic_is_listed_exactly_once()
    {
        var result = BuildLarge();
        var index = Parser.ParseDocument(Text(result, "topics/index.html"));
        var letters = index.QuerySelectorAll("main nav[aria-label='Letters'] a").Select(a => (Letter: a.TextContent, Href: a.GetAttribute("href")!)).ToList();
        Assert.Equal(["3", "A", "B", "C", "Q", "Z", "É"], letters.Select(l => l.Letter));
        Assert.Contains(("É", "/topics/x00c9/"), letters);
        Assert.Empty(index.QuerySelectorAll("main ul.az"));

        var listed = new List<string>();
        foreach (var (letter, href) in letters)
        {
            var page = Parser.ParseDocument(Text(result, href.TrimStart('/') + "index.html"));
            Assert.Equal($"All topics A–Z: {letter}", page.QuerySelector("h1")!.TextContent);
            Assert.Equal(letter, page.QuerySelector("main nav a[aria-current='page']")!.TextContent);
            Assert.Equal("/topics/", page.QuerySelector("main .lead a")!.GetAttribute("href"));
            var entries = page.QuerySelectorAll("main ul.az li").ToList();
            Assert.All(entries, e => Assert.StartsWith(letter, e.QuerySelector("a")!.TextContent, StringComparison.OrdinalIgnoreCase));
            // The same title in twelve roadmaps: each entry says which.
            Assert.All(entries, e => Assert.Matches(@"\(Number \d+\)$", e.QuerySelector(".muted")!.TextContent));
            listed.AddRange(entries.Select(e => e.QuerySelector("a")!.GetAttribute("href")!));
        }
        Assert.Equal(TopicUrls().Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_large_sites_first_search_file_holds_every_topics_title_and_summary_and_each_roadmaps_words_are_beside_it()
    {
        var result = BuildLarge();
        using var shared = JsonDocument.Parse(Text(result, "search-index.json"));
        var roadmaps = shared.RootElement.GetProperty("roadmaps").EnumerateArray().ToList();
        var topics = shared.RootElement.GetProperty("topics").EnumerateArray().ToList();
        Assert.Equal(Roadmaps, roadmaps.Count);
        Assert.Equal(TopicUrls(), topics.Select(t => t.GetProperty("u").GetString()));
        Assert.Equal("Alpha 7", topics[7].GetProperty("t").GetString());
        Assert.Equal("Topic 7 of roadmap 1.", topics[7].GetProperty("s").GetString());
        Assert.DoesNotContain("bodyword", shared.RootElement.GetRawText(), StringComparison.Ordinal);

        var third = roadmaps[2];
        Assert.Equal("Number 3", third.GetProperty("t").GetString());
        Assert.Equal("/r03/", third.GetProperty("u").GetString());
        using var shard = JsonDocument.Parse(Text(result, third.GetProperty("i").GetString()!.TrimStart('/')));
        var own = shard.RootElement.EnumerateArray().ToList();
        Assert.Equal(TopicUrls().Where(u => u.StartsWith("/r03/", StringComparison.Ordinal)), own.Select(t => t.GetProperty("u").GetString()));
        Assert.Equal(["Heading 4"], own[4].GetProperty("h").EnumerateArray().Select(h => h.GetString()));
        Assert.Contains(BodyWord(3, 4), own[4].GetProperty("w").GetString()!.Split(' '));
    }

    [Fact]
    public void Saving_a_roadmap_of_a_large_site_for_offline_keeps_the_shared_search_index_and_its_own_words_not_other_roadmaps()
    {
        var result = BuildLarge();
        using var list = JsonDocument.Parse(Text(result, "r05/offline.json"));
        var files = list.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("/search-index.json", files);
        Assert.Contains("/r05/search-index.json", files);
        Assert.DoesNotContain("/r06/search-index.json", files);
    }

    [Fact]
    public void A_small_site_keeps_one_search_index_of_every_topic_and_a_one_page_A_to_Z()
    {
        using var site = new TinySite();
        var result = site.Build();
        using var index = JsonDocument.Parse(Text(result, "search-index.json"));
        Assert.Equal(JsonValueKind.Array, index.RootElement.ValueKind);
        Assert.All(index.RootElement.EnumerateArray(), e => Assert.True(e.TryGetProperty("w", out _)));
        var page = Parser.ParseDocument(Text(result, "topics/index.html"));
        var letters = page.QuerySelectorAll("main nav a").ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters, a => Assert.StartsWith("#letter-", a.GetAttribute("href")));
        Assert.Equal(2, page.QuerySelectorAll("main ul.az li a").Length);
        Assert.DoesNotContain(result.Files, f => f.Path.StartsWith("topics/", StringComparison.Ordinal) && f.Path != "topics/index.html");
    }
}
