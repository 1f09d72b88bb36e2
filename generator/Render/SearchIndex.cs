using System.Text.Json;
using System.Text.Json.Serialization;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>
/// The search index, built at build time: titles, summaries, headings and the distinct words
/// of each body (not the full text: a word list finds the same topics at a third of the size).
/// </summary>
public static class SearchIndex
{
    /// <param name="reuse">Where a body's word list may come from an earlier run (serve keeps unchanged bodies between rebuilds).</param>
    public static string Json(Site site, Routes urls, IRenderReuse? reuse = null)
    {
        reuse ??= IRenderReuse.None;
        var topics = site.Roadmaps.SelectMany(r => r.Topics.Select(t => (Roadmap: r, Topic: t))).ToList();
        var entries = new SearchEntry[topics.Count];
        // It runs after every page is rendered, so on every core: 10,000 bodies' words are half a second of CPU.
        Parallel.For(0, topics.Count, i =>
        {
            var (roadmap, topic) = topics[i];
            entries[i] = new SearchEntry(topic.Title, topic.Summary, urls.Topic(topic), roadmap.Title, topic.Stage.Number, topic.Body.Headings,
                reuse.Words(topic.Body, () => WordList(topic.Body)));
        });
        return JsonSerializer.Serialize(entries.ToList(), SearchIndexJson.Default.ListSearchEntry);
    }

    private static string WordList(MarkdownBody body) => string.Join(' ', Words(body.PlainText));

    public static IEnumerable<string> Words(string text) => text.ToLowerInvariant()
        .Split([' ', '\n', '\t', '.', ',', ';', ':', '(', ')', '[', ']', '"', '\'', '!', '?', '`', '*', '/', '='], StringSplitOptions.RemoveEmptyEntries)
        .Select(w => w.Trim('-'))
        .Where(w => w.Length >= 3)
        .Distinct(StringComparer.Ordinal);
}

/// <summary>One topic in the search index; one-letter names keep the file small.</summary>
public sealed record SearchEntry(
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("s")] string Summary,
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("r")] string Roadmap,
    [property: JsonPropertyName("n")] int Stage,
    [property: JsonPropertyName("h")] IReadOnlyList<string> Headings,
    [property: JsonPropertyName("w")] string Words);

[JsonSerializable(typeof(List<SearchEntry>))]
internal sealed partial class SearchIndexJson : JsonSerializerContext;
