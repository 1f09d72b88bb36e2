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
/// the same. Beside <see cref="HighlightStore"/>: one file per generator build, under the same
/// folder and switch (<see cref="StoreFolder"/>). A file holds the pages of the build that wrote it,
/// so it stays the size of one site; a broken or foreign file is ignored and replaced.
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

    /// <summary>The store of this generator, or null when keeping is off or there is nowhere to keep.</summary>
    public static PageLinksStore? Open(string? folder)
    {
        if (folder is null) return null;
        var stamp = StoreFolder.Stamp(typeof(AngleSharp.Html.Parser.HtmlTokenizer));
        var file = Path.Combine(folder, $"page-links-{stamp}.json");
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
        var stored = new StoredPages(_stamp, pages.ToDictionary(p => p.Key.ToString("x32"), p => (StoredPage?)StoredPage.From(p.Value)));
        StoreFolder.Replace(_file, "page-links", stream => JsonSerializer.Serialize(stream, stored, StoreJson.Default.StoredPages));
    }

    private static Dictionary<UInt128, PageLinks> Read(string file, string stamp)
    {
        var pages = new Dictionary<UInt128, PageLinks>();
        if (!File.Exists(file)) return pages;
        StoredPages? stored;
        try
        {
            using var stream = File.OpenRead(file);
            stored = JsonSerializer.Deserialize(stream, StoreJson.Default.StoredPages);
        }
        catch (JsonException)
        {
            // Broken (a full disk, a killed process): start again; this build's save replaces it.
            return pages;
        }
        if (stored?.Stamp != stamp || stored.Pages is null) return pages;
        foreach (var (key, page) in stored.Pages)
            if (UInt128.TryParse(key, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var hash) && page?.ToPageLinks() is { } links)
                pages[hash] = links;
        return pages;
    }
}

/// <param name="Stamp">The generator that wrote it, also in the file's name: a file copied or renamed from another is ignored.</param>
internal sealed record StoredPages(string Stamp, Dictionary<string, StoredPage?>? Pages);

/// <summary>One page's <see cref="PageLinks"/> in the file; positions as [line, column].</summary>
internal sealed record StoredPage(
    [property: JsonPropertyName("ids")] string[]? Ids,
    [property: JsonPropertyName("dup")] StoredId[]? Duplicates,
    [property: JsonPropertyName("links")] StoredLink[]? Links,
    [property: JsonPropertyName("base")] string? BaseHref,
    [property: JsonPropertyName("noSrc")] int[][]? ImagesWithoutSource)
{
    public static StoredPage From(PageLinks links) => new(
        [.. links.Ids],
        [.. links.DuplicateIds.Select(d => new StoredId(d.Id, d.Line, d.Column))],
        [.. links.Links.Select(l => new StoredLink(l.Url, l.Kind, l.Line, l.Column))],
        links.BaseHref,
        links.ImagesWithoutSource is { } images ? [.. images.Select(i => new[] { i.Line, i.Column })] : null);

    /// <summary>Null when a part is missing (a file edited by hand): the page is then read again.</summary>
    public PageLinks? ToPageLinks()
    {
        if (Ids is null || Duplicates is null || Links is null || Ids.Any(i => i is null)) return null;
        if (Duplicates.Any(d => d?.Id is null) || Links.Any(l => l?.Url is null || l.Kind is null)) return null;
        if (ImagesWithoutSource is not null && ImagesWithoutSource.Any(i => i is not { Length: 2 })) return null;
        return new PageLinks(
            new HashSet<string>(Ids, StringComparer.Ordinal),
            [.. Duplicates.Select(d => (d.Id, d.Line, d.Column))],
            [.. Links.Select(l => new PageLink(l.Url, l.Kind, l.Line, l.Column))],
            BaseHref,
            ImagesWithoutSource is null ? null : [.. ImagesWithoutSource.Select(i => (i[0], i[1]))]);
    }
}

internal sealed record StoredId([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("l")] int Line, [property: JsonPropertyName("c")] int Column);

internal sealed record StoredLink(
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("l")] int Line,
    [property: JsonPropertyName("c")] int Column);
