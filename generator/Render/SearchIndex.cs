using System.Text.Json;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>
/// The search index, built at build time: titles, summaries, headings and the distinct words
/// of each body (not the full text: a word list finds the same topics at a third of the size).
/// </summary>
public static class SearchIndex
{
    public static string Json(Site site, UrlScheme urls) => JsonSerializer.Serialize(
        site.Roadmaps.SelectMany(r => r.Topics.Select(t => new
        {
            t = t.Title,
            s = t.Summary,
            u = urls.Topic(t),
            r = r.Title,
            n = t.Stage.Number,
            h = t.Body.Headings,
            w = string.Join(' ', Words(t.Body.PlainText)),
        })));

    public static IEnumerable<string> Words(string text) => text
        .Split([' ', '\n', '\t', '.', ',', ';', ':', '(', ')', '[', ']', '"', '\'', '!', '?', '`', '*', '/', '='], StringSplitOptions.RemoveEmptyEntries)
        .Select(w => w.ToLowerInvariant().Trim('-'))
        .Where(w => w.Length >= 3)
        .Distinct(StringComparer.Ordinal);
}
