using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoadmapGen.BrowserTests.Infrastructure;

public sealed record SearchEntry(
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("s")] string Summary,
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("h")] string[]? Headings,
    [property: JsonPropertyName("w")] string? Words)
{
    public string Visible => $"{Title} {Summary} {string.Join(' ', Headings ?? [])}";
}

/// <summary>The built search-index.json, used to choose queries whose right answer is known.</summary>
public static class SearchIndex
{
    public static IReadOnlyList<SearchEntry> Load(string siteFolder) =>
        JsonSerializer.Deserialize<List<SearchEntry>>(File.ReadAllText(Path.Combine(siteFolder, "search-index.json")))!;

    /// <summary>
    /// A word from one topic's body that appears nowhere else, not even inside another word or in
    /// that topic's own title, summary or headings: a search can find that topic only by its body.
    /// </summary>
    public static (string Word, SearchEntry Topic) BodyOnlyWord(IReadOnlyList<SearchEntry> entries)
    {
        var texts = entries.Select(e => $"{e.Visible} {e.Words}".ToLowerInvariant()).ToList();
        var candidates =
            from entry in entries
            from word in (entry.Words ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            where word.Length >= 7 && word.All(char.IsAsciiLetterLower)
            where !entry.Visible.Contains(word, StringComparison.OrdinalIgnoreCase)
            where texts.Count(t => t.Contains(word, StringComparison.Ordinal)) == 1
            orderby word.Length descending, word
            select (word, entry);
        return candidates.First();
    }
}
