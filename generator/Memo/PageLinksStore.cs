using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text.Json;
using System.Text.Json.Serialization;
using RoadmapGen.Check;

namespace RoadmapGen.Memo;

/// <summary>
/// Each page's ids and links (<see cref="PageLinks"/>) kept between runs, by a hash of the page's
/// bytes: what Check reads from a page is a function of those bytes alone, and reading them
/// (AngleSharp's tokenizer over every page) was most of a warm build's check. Only the reading is
/// kept; every link is still resolved against the site's pages in each build, so diagnostics are
/// the same. Beside <see cref="HighlightStore"/>, under the same folder and switch
/// (<see cref="StoreFolder"/>): one file per generator build and site (<see cref="StoreFolder.Site"/>).
/// A file holds the pages of the build that wrote it, so it stays the size of one site; a broken or
/// foreign file is ignored and replaced.
/// </summary>
internal sealed class PageLinksStore
{
    private readonly string _file;
    private readonly string _stamp;
    private readonly Dictionary<UInt128, PageLinks> _read;

    private PageLinksStore(string file, string stamp, Dictionary<UInt128, PageLinks> read)
    {
        _file = file;
        _stamp = stamp;
        _read = read;
    }

    /// <summary>The store of this generator for the site <paramref name="site"/>, or null when keeping is off or there is nowhere to keep.</summary>
    public static PageLinksStore? Open(string? folder, string site)
    {
        if (folder is null) return null;
        var stamp = StoreFolder.Stamp(typeof(AngleSharp.Html.Parser.HtmlTokenizer));
        var file = Path.Combine(folder, $"page-links-{stamp}-{site}.json");
        try
        {
            return new PageLinksStore(file, stamp, Read(file, stamp));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static UInt128 Key(ReadOnlySpan<byte> page) => XxHash128.HashToUInt128(page);

    public PageLinks? Find(UInt128 key) => _read.GetValueOrDefault(key);

    /// <summary>
    /// Keeps this run's pages, and only them, unless they are exactly what was read; atomically,
    /// as another build may read the file meanwhile.
    /// </summary>
    public void Save(ConcurrentDictionary<UInt128, PageLinks> pages)
    {
        if (pages.Count == _read.Count && pages.All(p => _read.TryGetValue(p.Key, out var read) && ReferenceEquals(read, p.Value))) return;
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var stored = pages.ToDictionary(p => p.Key.ToString("x32"), p => (StoredPage?)StoredPage.From(p.Value, strings));
        var table = new string[strings.Count];
        foreach (var (text, index) in strings) table[index] = text;
        StoreFolder.Replace(_file, "page-links", stream => JsonSerializer.Serialize(stream, new StoredPages(_stamp, table, stored), StoreJson.Default.StoredPages));
    }

    private static Dictionary<UInt128, PageLinks> Read(string file, string stamp)
    {
        var pages = new Dictionary<UInt128, PageLinks>();
        var stored = StoreFolder.Read(file, StoreJson.Default.StoredPages);
        if (stored?.Stamp != stamp || stored.Pages is null || stored.Strings is not { } strings || strings.Any(s => s is null)) return pages;
        foreach (var (key, page) in stored.Pages)
            if (UInt128.TryParse(key, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var hash) && page?.ToPageLinks(strings) is { } links)
                pages[hash] = links;
        return pages;
    }
}

/// <param name="Stamp">The generator that wrote it, also in the file's name: a file copied or renamed from another is ignored.</param>
/// <param name="Strings">Every URL, kind and id once: most are on every page (the header's and footer's links).</param>
internal sealed record StoredPages(string Stamp, string[]? Strings, Dictionary<string, StoredPage?>? Pages);

/// <summary>One page's <see cref="PageLinks"/> in the file, as numbers: a string is its index in <see cref="StoredPages.Strings"/>.</summary>
/// <param name="Duplicates">Id, line, column; id, line, column…</param>
/// <param name="Links">URL, kind, line, column; URL, kind…</param>
/// <param name="ImagesWithoutSource">Line, column; line, column…</param>
internal sealed record StoredPage(
    [property: JsonPropertyName("ids")] int[]? Ids,
    [property: JsonPropertyName("dup")] int[]? Duplicates,
    [property: JsonPropertyName("links")] int[]? Links,
    [property: JsonPropertyName("base")] string? BaseHref,
    [property: JsonPropertyName("noSrc")] int[]? ImagesWithoutSource)
{
    public static StoredPage From(PageLinks links, Dictionary<string, int> strings)
    {
        int Index(string text)
        {
            if (!strings.TryGetValue(text, out var index)) strings[text] = index = strings.Count;
            return index;
        }
        return new StoredPage(
            [.. links.Ids.Select(Index)],
            [.. links.DuplicateIds.SelectMany(d => new[] { Index(d.Id), d.Line, d.Column })],
            [.. links.Links.SelectMany(l => new[] { Index(l.Url), Index(l.Kind), l.Line, l.Column })],
            links.BaseHref,
            links.ImagesWithoutSource is { } images ? [.. images.SelectMany(i => new[] { i.Line, i.Column })] : null);
    }

    /// <summary>Null when a part is missing or does not fit (a file edited by hand): the page is then read again.</summary>
    public PageLinks? ToPageLinks(string[] strings)
    {
        if (Ids is null || Duplicates is not { Length: var d } || d % 3 != 0 || Links is not { Length: var l } || l % 4 != 0) return null;
        if (ImagesWithoutSource is { Length: var n } && n % 2 != 0) return null;
        bool Fits(int index) => (uint)index < (uint)strings.Length;
        if (!Ids.All(Fits)) return null;
        for (var i = 0; i < d; i += 3) if (!Fits(Duplicates[i])) return null;
        for (var i = 0; i < l; i += 4) if (!Fits(Links[i]) || !Fits(Links[i + 1])) return null;
        var ids = new HashSet<string>(Ids.Length, StringComparer.Ordinal);
        foreach (var id in Ids) ids.Add(strings[id]);
        var duplicates = new List<(string, int, int)>(d / 3);
        for (var i = 0; i < d; i += 3) duplicates.Add((strings[Duplicates[i]], Duplicates[i + 1], Duplicates[i + 2]));
        var links = new List<PageLink>(l / 4);
        for (var i = 0; i < l; i += 4) links.Add(new PageLink(strings[Links[i]], strings[Links[i + 1]], Links[i + 2], Links[i + 3]));
        List<(int, int)>? images = null;
        if (ImagesWithoutSource is { } pairs)
        {
            images = new List<(int, int)>(pairs.Length / 2);
            for (var i = 0; i < pairs.Length; i += 2) images.Add((pairs[i], pairs[i + 1]));
        }
        return new PageLinks(ids, duplicates, links, BaseHref, images);
    }
}
