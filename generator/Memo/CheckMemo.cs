using System.Collections.Concurrent;
using RoadmapGen.Check;
using RoadmapGen.Render;

namespace RoadmapGen.Memo;

/// <summary>
/// Check's side of the memo layer. A page's parse is kept while its bytes are the same. A page
/// whose links all held keeps its verdict while its own bytes are the same, no path its links
/// looked up (found or not) appeared or vanished, and every page its #fragments point into kept
/// its ids. Pages with a problem are always checked again, so a diagnostic points at the current line.
/// A page parsed by neither this memo nor an earlier run (<see cref="PageLinksStore"/>, opened by
/// <paramref name="store"/> on the first check) is read; a build keeps its pages' parses for the next.
/// A check commits at its <see cref="End"/> only: one stopped half-way (serve, on a newer save) leaves
/// the verdicts with the paths and ids they were made against, so the next check compares with those.
/// </summary>
internal sealed class CheckMemo(bool parses, bool verdicts, Func<PageLinksStore?> store) : ICheckReuse
{
    /// <param name="Content">The page's bytes when checked.</param>
    /// <param name="Links">How many links it has, for the build's count.</param>
    /// <param name="Lookups">Every output path its links looked up.</param>
    /// <param name="FragmentTargets">Pages whose ids its #fragments were checked against.</param>
    private sealed record Verdict(byte[] Content, int Links, IReadOnlyCollection<string> Lookups, IReadOnlyCollection<string> FragmentTargets);

    private readonly ConcurrentDictionary<string, (byte[] Html, PageLinks Links)> _pages = new(StringComparer.Ordinal);
    private HashSet<string> _lastPaths = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlySet<string>> _lastIds = new(StringComparer.Ordinal);
    /// <summary>This check's paths and ids, which become the last ones at its end.</summary>
    private HashSet<string> _runPaths = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlySet<string>> _runIds = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Verdict> _verdicts = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Verdict> _next = new(StringComparer.Ordinal);
    private HashSet<string> _addedOrRemoved = new(StringComparer.Ordinal);
    private HashSet<string> _idsChanged = new(StringComparer.Ordinal);
    private int _checked;
    private int _parsing;
    private int _parsed;
    private readonly Lazy<PageLinksStore?> _store = new(store);
    /// <summary>
    /// This run's pages by their bytes' hash, for the store: while every page of a run passes
    /// through it, a build's run and serve's first; serve's later runs see only the pages it did
    /// not keep, too few to replace the file with.
    /// </summary>
    private ConcurrentDictionary<UInt128, PageLinks>? _run = new();

    /// <summary>Pages whose links the last check checked (the rest kept their verdicts).</summary>
    public int PagesChecked => Volatile.Read(ref _checked);

    /// <summary>Pages the last check read (the rest came from this memo or the store).</summary>
    public int PagesParsed => _parsed;

    public void Clear()
    {
        _pages.Clear();
        _lastPaths = new HashSet<string>(StringComparer.Ordinal);
        _lastIds = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        _verdicts.Clear();
    }

    public PageLinks Links(OutputFile page, Func<PageLinks> parse)
    {
        var html = page.Content;
        if (!parses) return Stored(html, parse);
        if (_pages.TryGetValue(page.Path, out var kept) && (ReferenceEquals(kept.Html, html) || kept.Html.AsSpan().SequenceEqual(html))) return kept.Links;
        var links = Stored(html, parse);
        _pages[page.Path] = (html, links);
        return links;
    }

    private PageLinks Stored(byte[] html, Func<PageLinks> parse)
    {
        if (_run is null || _store.Value is not { } store)
        {
            Interlocked.Increment(ref _parsing);
            return parse();
        }
        var key = PageLinksStore.Key(html);
        var links = store.Find(key);
        if (links is null)
        {
            Interlocked.Increment(ref _parsing);
            links = parse();
        }
        _run[key] = links;
        return links;
    }

    /// <summary>Finds the output paths added or removed, and the pages whose ids changed, since the last check.</summary>
    public void Begin(IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, PageLinks> parsed)
    {
        _checked = 0;
        if (!verdicts) return;
        var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var addedOrRemoved = new HashSet<string>(paths, StringComparer.Ordinal);
        addedOrRemoved.SymmetricExceptWith(_lastPaths);
        var ids = new Dictionary<string, IReadOnlySet<string>>(parsed.Count, StringComparer.Ordinal);
        var idsChanged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, links) in parsed)
        {
            ids[path] = links.Ids;
            if (_lastIds.TryGetValue(path, out var old) && !ReferenceEquals(old, links.Ids) && !old.SetEquals(links.Ids)) idsChanged.Add(path);
        }
        _runPaths = paths;
        _runIds = ids;
        _addedOrRemoved = addedOrRemoved;
        _idsChanged = idsChanged;
        _next = new ConcurrentDictionary<string, Verdict>(StringComparer.Ordinal);
    }

    int? ICheckReuse.Verdict(OutputFile page)
    {
        if (!verdicts || !_verdicts.TryGetValue(page.Path, out var verdict)) return null;
        if (!ReferenceEquals(verdict.Content, page.Content) && !verdict.Content.AsSpan().SequenceEqual(page.Content)) return null;
        if (_addedOrRemoved.Count > 0 && verdict.Lookups.Any(_addedOrRemoved.Contains)) return null;
        if (_idsChanged.Count > 0 && verdict.FragmentTargets.Any(_idsChanged.Contains)) return null;
        _next[page.Path] = verdict;
        return verdict.Links;
    }

    public CheckLookups? Lookups() => verdicts ? new CheckLookups() : null;

    /// <summary>Only a page without problems is remembered.</summary>
    public void Checked(OutputFile page, int links, CheckLookups? lookups, bool clean)
    {
        Interlocked.Increment(ref _checked);
        if (clean && lookups is not null) _next[page.Path] = new Verdict(page.Content, links, lookups.Paths, lookups.FragmentTargets);
    }

    public void End()
    {
        if (verdicts)
        {
            _verdicts = _next;
            _lastPaths = _runPaths;
            _lastIds = _runIds;
        }
        _parsed = Interlocked.Exchange(ref _parsing, 0);
        if (_run is not null && _store.IsValueCreated) _store.Value?.Save(_run);
        _run = parses ? null : new();
    }
}
