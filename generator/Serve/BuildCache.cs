using System.Collections.Concurrent;
using RoadmapGen.Check;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Serve;

/// <summary>
/// What serve keeps between rebuilds: each content file's source (a <see cref="TopicSource"/> or a <see cref="Page"/>, never the linked model) with the diagnostics it
/// produced, valid while the file's size and last write time stay the same, and the parsed
/// templates until a template changes (then only the changed ones are parsed again), and git's
/// commit dates until git's history moves (see <see cref="GitStamp"/>). The
/// watcher also invalidates every path it saw change, so two saves within one timestamp tick
/// are not mistaken for none.
/// </summary>
public sealed class BuildCache : IBuildCache, IContentCache
{
    private sealed record Entry(long Length, DateTime WriteTime, object? Value, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private HashSet<string> _fileSet = new(StringComparer.Ordinal);
    private (TemplateEngine? Engine, IReadOnlyList<Diagnostic> Diagnostics)? _templates;
    /// <summary>The last engine that loaded: its unchanged templates are not parsed again.</summary>
    private TemplateEngine? _lastGood;
    private readonly ConcurrentDictionary<string, (byte[] Html, PageLinks Links)> _pages = new(StringComparer.Ordinal);
    private readonly RenderMemo _render = new();
    private readonly CheckMemo _check = new();
    private int _parsed;
    private (string Stamp, GitHistory Dates)? _history;

    public IContentCache Content => this;

    public RenderMemo Render => _render;

    public CheckMemo Check => _check;

    /// <summary>Content files read and parsed by the last load (the rest came from the cache).</summary>
    public int FilesParsed => Volatile.Read(ref _parsed);

    public void Invalidate(string fullPath) => _files.TryRemove(fullPath, out _);

    public void InvalidateTemplates() => _templates = null;

    public void Clear()
    {
        _files.Clear();
        _fileSet = new HashSet<string>(StringComparer.Ordinal);
        _templates = null;
        _lastGood = null;
        _history = null;
        _pages.Clear();
        _render.Clear();
        _check.Clear();
    }

    public void BeginLoad(IReadOnlyCollection<string> contentFiles)
    {
        Volatile.Write(ref _parsed, 0);
        if (_fileSet.SetEquals(contentFiles)) return;
        // A link to a file that appeared or vanished resolves differently: every parse is stale.
        _fileSet = new HashSet<string>(contentFiles, StringComparer.Ordinal);
        _files.Clear();
    }

    public T? Read<T>(string fullPath, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> read) where T : class
    {
        // The stamp is taken before reading: a write racing the read leaves a newer stamp on disk, so the next load reads again.
        var info = new FileInfo(fullPath);
        var (length, written) = info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1L, DateTime.MinValue);
        if (_files.TryGetValue(fullPath, out var entry) && entry.Length == length && entry.WriteTime == written && entry.Value is null or T)
        {
            Replay(entry.Diagnostics, diagnostics);
            return (T?)entry.Value;
        }
        Interlocked.Increment(ref _parsed);
        var own = new DiagnosticBag();
        var value = read(own);
        var produced = own.Sorted();
        _files[fullPath] = new Entry(length, written, value, produced);
        Replay(produced, diagnostics);
        return value;
    }

    public GitHistory History(string contentRoot, Func<GitHistory> read)
    {
        // Stamped before git runs, like files before they are read: a commit racing the log leaves a newer stamp.
        var stamp = GitStamp.Of(contentRoot);
        if (stamp is not null && _history is { } kept && kept.Stamp == stamp) return kept.Dates;
        var dates = read();
        _history = stamp is null ? null : (stamp, dates);
        return dates;
    }

    public TemplateEngine? Templates(string templatesRoot, DiagnosticBag diagnostics)
    {
        if (_templates is not { } cached)
        {
            var own = new DiagnosticBag();
            cached = (TemplateEngine.Load(templatesRoot, own, _lastGood), own.Sorted());
            _templates = cached;
            _lastGood = cached.Engine ?? _lastGood;
        }
        Replay(cached.Diagnostics, diagnostics);
        return cached.Engine;
    }

    public PageLinks Links(OutputFile page)
    {
        var html = page.Content;
        if (_pages.TryGetValue(page.Path, out var cached) && (ReferenceEquals(cached.Html, html) || cached.Html.AsSpan().SequenceEqual(html))) return cached.Links;
        var links = PageLinks.Parse(html);
        _pages[page.Path] = (html, links);
        return links;
    }

    private static void Replay(IReadOnlyList<Diagnostic> from, DiagnosticBag to)
    {
        foreach (var diagnostic in from) to.Add(diagnostic);
    }
}
