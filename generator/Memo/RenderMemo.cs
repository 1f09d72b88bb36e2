using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Memo;

/// <summary>
/// Render's side of the memo layer. Always: code blocks through <see cref="HighlightMemo"/>.
/// Between runs (serve): each page's bytes under the fingerprint of what its templates read,
/// each Markdown body's HTML under its text's hash and everything else its rendering reads, and
/// each body's words. Entries not used by a run are dropped at its end, so a deleted page is not remembered.
/// A build keeps the HTML that passed the safety net for the next (<see cref="GuardStore"/>, opened
/// by <paramref name="guards"/>); serve, which keeps each body's HTML itself, only reads it.
/// </summary>
internal sealed class RenderMemo(bool betweenRuns, Func<GuardStore?> guards) : IRenderReuse, IKeptPages
{
    private sealed record KeptMarkdown(RenderedMarkdown Rendered, IReadOnlyList<Diagnostic> Diagnostics);

    private sealed record KeptPage(string Fingerprint, PageReads? Reads, RenderedPage Page);

    private ConcurrentDictionary<string, KeptPage> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, KeptPage> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, KeptMarkdown> _previousMarkdown = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, KeptMarkdown> _currentMarkdown = new(StringComparer.Ordinal);
    private ConditionalWeakTable<MarkdownBody, string> _words = new();
    private int _rendered;
    private int _reused;
    private int _markdown;
    private bool _partial;
    private bool _afterPartial;
    private readonly Lazy<GuardStore?> _guards = new(guards);
    /// <summary>This build's HTML that passed the safety net, for the store.</summary>
    private readonly ConcurrentDictionary<UInt128, byte> _passed = new();

    /// <summary>Pages the last run rendered, and pages it took from the run before.</summary>
    public (int Rendered, int Reused) LastRun => (Volatile.Read(ref _rendered), Volatile.Read(ref _reused));

    /// <summary>Markdown bodies the last run rendered (the others kept their HTML).</summary>
    public int MarkdownRendered => Volatile.Read(ref _markdown);

    public IKeptPages? KeptPages => betweenRuns ? this : null;

    public void BeginRun(bool partial = false)
    {
        _current = new ConcurrentDictionary<string, KeptPage>(StringComparer.Ordinal);
        _currentMarkdown = new ConcurrentDictionary<string, KeptMarkdown>(StringComparer.Ordinal);
        // The whole run after a partial one reports the work of both: one edit's cost.
        if (!_afterPartial)
        {
            _rendered = 0;
            _reused = 0;
            _markdown = 0;
        }
        _partial = partial;
        _afterPartial = false;
    }

    public void EndRun(bool finished = true)
    {
        if (_partial || !finished)
        {
            // What the first pages (or a stopped run) made is added to what the next run will look in;
            // nothing is dropped: every kept page and body still stands only while its inputs are the same.
            if (betweenRuns)
            {
                foreach (var (path, page) in _current) _previous[path] = page;
                foreach (var (key, markdown) in _currentMarkdown) _previousMarkdown[key] = markdown;
            }
            _afterPartial = true;
            return;
        }
        if (betweenRuns)
        {
            _previous = _current;
            _previousMarkdown = _currentMarkdown;
        }
        else if (_guards.IsValueCreated) _guards.Value?.Save(_passed.Keys);
        HighlightMemo.Shared.Persist();
    }

    public void Clear()
    {
        _afterPartial = false;
        _previous.Clear();
        _current.Clear();
        _previousMarkdown.Clear();
        _currentMarkdown.Clear();
        _words = new ConditionalWeakTable<MarkdownBody, string>();
    }

    public RenderedPage? Page(string path, Func<RenderedPage?> render)
    {
        Interlocked.Increment(ref _rendered);
        return render();
    }

    /// <summary>
    /// A page is kept with what its templates read when it was rendered: the same values read
    /// now (the fingerprint of those reads) mean the same bytes. Reached through <see cref="KeptPages"/>, so only between runs.
    /// </summary>
    RenderedPage? IKeptPages.Page(string path, Func<PageReads?, string?> fingerprint, Func<(RenderedPage? Page, PageReads? Reads)> render)
    {
        if (_previous.TryGetValue(path, out var kept) && fingerprint(kept.Reads) is { } key && key == kept.Fingerprint)
        {
            _current[path] = kept;
            Interlocked.Increment(ref _reused);
            return kept.Page;
        }
        Interlocked.Increment(ref _rendered);
        var (page, reads) = render();
        if (page is not null && fingerprint(reads) is { } made) _current[path] = new KeptPage(made, reads, page);
        return page;
    }

    /// <summary>
    /// A body of the same text, rendered from the same file and line with the same prefix, page
    /// URL, heading ids and targets of its links to other content files, is the same HTML with
    /// the same diagnostics, which are replayed into <paramref name="diagnostics"/>. A body is known
    /// by its text, not as an object: a file parsed again (its front matter edited, a translation,
    /// which is read on every load) finds its body's HTML all the same.
    /// </summary>
    public RenderedMarkdown Markdown(MarkdownInput input, DiagnosticBag diagnostics, Func<DiagnosticBag, RenderedMarkdown> render)
    {
        if (!betweenRuns) return render(diagnostics);
        var key = MarkdownKey(input);
        if (!_previousMarkdown.TryGetValue(key, out var done) && !_currentMarkdown.TryGetValue(key, out done))
        {
            Interlocked.Increment(ref _markdown);
            var own = new DiagnosticBag();
            done = new KeptMarkdown(render(own), own.Sorted());
        }
        _currentMarkdown[key] = done;
        foreach (var diagnostic in done.Diagnostics) diagnostics.Add(diagnostic);
        return done.Rendered;
    }

    /// <summary>
    /// Everything a body's HTML is made from. Heading ids are set after parsing (a translation
    /// takes its source's), and a link's target is resolved against the files that exist, so
    /// both are named here rather than trusted to the text.
    /// </summary>
    private static string MarkdownKey(MarkdownInput input)
    {
        var body = input.Body;
        var key = new StringBuilder()
            .Append(body.SourceHash).Append('\n').Append(body.LineOffset).Append('\n').Append(input.SourcePath).Append('\n')
            .Append(input.IdPrefix).Append('\n').Append(input.PageUrl).Append('\n');
        foreach (var heading in body.Document.Descendants<HeadingBlock>())
            key.Append('#').Append(heading.TryGetAttributes()?.Id).Append('\n');
        foreach (var link in body.ContentLinks)
            key.Append('>').Append(link.TargetSourcePath).Append('\t').Append(link.Fragment).Append('\t').Append(input.UrlOf(link)).Append('\n');
        return key.ToString();
    }

    public string? Highlight(string languageId, IReadOnlyList<string> lines, Func<string?> tokenize) =>
        HighlightMemo.Shared.Highlight(languageId, lines, tokenize);

    public string Words(MarkdownBody body, Func<string> words) => betweenRuns ? _words.GetValue(body, _ => words()) : words();

    public string Guarded(string html, bool sanitized, Func<string> guard)
    {
        if (_guards.Value is not { } store) return guard();
        // One key per body: found, it stands for the check; not found, it records a pass.
        var key = GuardStore.Key(html, sanitized);
        if (store.Passed(key))
        {
            if (!betweenRuns) _passed.TryAdd(key, 0);
            return html;
        }
        var guarded = guard();
        if (!betweenRuns && ReferenceEquals(guarded, html)) _passed.TryAdd(key, 0);
        return guarded;
    }
}
