using System.Buffers;
using System.Text;
using System.Text.Json;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>
/// The search index, built at build time: titles, summaries, headings and the distinct words
/// of each body (not the full text: a word list finds the same topics at a third of the size).
/// A large site of many roadmaps (<see cref="SiteScale.SplitsSearchIndex"/>) gets it in parts:
/// at the same URL a shared index of every topic's title and summary, fetched by the first
/// search, and beside each roadmap the headings and words of its topics, fetched by a search on
/// that roadmap's pages (search.js merges them).
/// </summary>
public static class SearchIndex
{
    /// <summary>Every file of the index, by output path.</summary>
    /// <param name="reuse">Where a body's word list may come from an earlier run (serve keeps unchanged bodies between rebuilds).</param>
    public static IEnumerable<(string Path, byte[] Json)> Files(Site site, Routes urls, IRenderReuse? reuse = null)
    {
        var entries = Entries(site, urls, reuse ?? IRenderReuse.None);
        if (!SiteScale.SplitsSearchIndex(site))
        {
            yield return (urls.OutputPath(urls.SearchIndex), Bytes(entries, SearchIndexJson.Default.ListSearchEntry));
            yield break;
        }
        var roadmaps = site.Roadmaps.Select(r => new SearchRoadmap(r.Title, urls.Roadmap(r), urls.SearchShard(r))).ToList();
        // Entries are in the site's order: each roadmap's topics in turn.
        var titles = site.Roadmaps.SelectMany((roadmap, r) => roadmap.Topics.Select(_ => r))
            .Zip(entries, (r, e) => new SearchTitle(e.Title, e.Summary, e.Url, r, e.Stage)).ToList();
        yield return (urls.OutputPath(urls.SearchIndex), Bytes(new SearchShared(roadmaps, titles), SearchIndexJson.Default.SearchShared));
        var start = 0;
        foreach (var roadmap in site.Roadmaps)
        {
            var own = entries.Skip(start).Take(roadmap.Topics.Count).Select(e => new SearchText(e.Url, e.Headings, e.Words)).ToList();
            start += roadmap.Topics.Count;
            yield return (urls.OutputPath(urls.SearchShard(roadmap)), Bytes(own, SearchIndexJson.Default.ListSearchText));
        }
    }

    // Straight to UTF-8: a whole index as a string is a large object, garbage as soon as it is encoded.
    private static byte[] Bytes<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.SerializeToUtf8Bytes(value, type);

    /// <summary>Every topic of the site, in the site's order.</summary>
    private static List<SearchEntry> Entries(Site site, Routes urls, IRenderReuse reuse)
    {
        var topics = site.Roadmaps.SelectMany(r => r.Topics.Select(t => (Roadmap: r, Topic: t))).ToList();
        var entries = new SearchEntry[topics.Count];
        // It runs after every page is rendered, so on every core: 10,000 bodies' words are half a second of CPU.
        Parallel.For(0, topics.Count, i =>
        {
            var (roadmap, topic) = topics[i];
            entries[i] = new SearchEntry(topic.Title, topic.Summary, urls.Topic(topic), roadmap.Title, topic.Stage.Number, topic.Body.Headings,
                reuse.Words(topic.Body, () => WordList(topic.Body)));
        });
        return entries.ToList();
    }

    private static readonly SearchValues<char> Separators = SearchValues.Create(" \n\t.,;:()[]\"'!?`*/=");

    /// <summary>
    /// The body's distinct words of three characters or more, lower-cased, trimmed of hyphens, in
    /// the order they first appear, separated by spaces. One pass over the text: a word already
    /// seen is looked up by its span, so only each distinct word becomes a string.
    /// </summary>
    private static string WordList(MarkdownBody body)
    {
        var text = body.PlainText.ToLowerInvariant();
        var seen = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var list = new StringBuilder(text.Length / 2);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(Separators);
            var word = (end < 0 ? rest : rest[..end]).Trim('-');
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (word.Length < 3 || !seen.Add(word)) continue;
            if (list.Length > 0) list.Append(' ');
            list.Append(word);
        }
        return list.ToString();
    }
}
