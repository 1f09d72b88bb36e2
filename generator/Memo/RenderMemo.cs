using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Memo;

/// <summary>
/// Render's side of the memo layer. Always: code blocks through <see cref="HighlightMemo"/>.
/// Between runs (serve): each page's bytes under the fingerprint of everything its templates
/// read, each Markdown body's HTML under everything its rendering reads, and each body's words.
/// Entries not used by a run are dropped at its end, so a deleted page is not remembered.
/// </summary>
internal sealed class RenderMemo(bool betweenRuns) : IRenderReuse
{
    private sealed record KeptMarkdown(RenderedMarkdown Rendered, IReadOnlyList<Diagnostic> Diagnostics);

    private sealed record KeptPage(string Fingerprint, PageReads? Reads, RenderedPage Page);

    private ConcurrentDictionary<string, KeptPage> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, KeptPage> _current = new(StringComparer.Ordinal);
    // Bodies are immutable and Load makes a new one whenever its file's content changes, so a
    // body is its content's identity; the table lets a body's entries go with it.
    private ConditionalWeakTable<MarkdownBody, ConcurrentDictionary<string, KeptMarkdown>> _bodies = new();
    private ConditionalWeakTable<MarkdownBody, string> _words = new();
    private int _rendered;
    private int _reused;

    /// <summary>Pages the last run rendered, and pages it took from the run before.</summary>
    public (int Rendered, int Reused) LastRun => (Volatile.Read(ref _rendered), Volatile.Read(ref _reused));

    public void BeginRun()
    {
        _current = new ConcurrentDictionary<string, KeptPage>(StringComparer.Ordinal);
        _rendered = 0;
        _reused = 0;
    }

    public void EndRun()
    {
        if (betweenRuns) _previous = _current;
        HighlightMemo.Shared.Persist();
    }

    public void Clear()
    {
        _previous.Clear();
        _current.Clear();
        _bodies = new ConditionalWeakTable<MarkdownBody, ConcurrentDictionary<string, KeptMarkdown>>();
        _words = new ConditionalWeakTable<MarkdownBody, string>();
    }

    /// <summary>
    /// A page is kept with what its templates read when it was rendered: the same values read
    /// now (the fingerprint of those reads) mean the same bytes.
    /// </summary>
    public RenderedPage? Page(string path, Func<PageReads?, string?> fingerprint, Func<(RenderedPage? Page, PageReads? Reads)> render)
    {
        if (betweenRuns && _previous.TryGetValue(path, out var kept) && fingerprint(kept.Reads) is { } key && key == kept.Fingerprint)
        {
            _current[path] = kept;
            Interlocked.Increment(ref _reused);
            return kept.Page;
        }
        Interlocked.Increment(ref _rendered);
        if (!betweenRuns) return render().Page;
        var (page, reads) = render();
        if (page is not null && fingerprint(reads) is { } made) _current[path] = new KeptPage(made, reads, page);
        return page;
    }

    /// <summary>
    /// A body rendered with the same prefix, page URL and targets of its links to other content
    /// files is the same HTML with the same diagnostics, which are replayed into <paramref name="diagnostics"/>.
    /// </summary>
    public RenderedMarkdown Markdown(MarkdownInput input, DiagnosticBag diagnostics, Func<DiagnosticBag, RenderedMarkdown> render)
    {
        if (!betweenRuns) return render(diagnostics);
        var key = string.Join('\n', input.Body.ContentLinks.Select(l => input.UrlOf(l) ?? "")
            .Prepend(input.PageUrl ?? "").Prepend(input.IdPrefix ?? "").Prepend(input.SourcePath));
        var renders = _bodies.GetValue(input.Body, _ => new ConcurrentDictionary<string, KeptMarkdown>(StringComparer.Ordinal));
        if (!renders.TryGetValue(key, out var done))
        {
            var own = new DiagnosticBag();
            var rendered = render(own);
            done = new KeptMarkdown(rendered, own.Sorted());
            // A body's file changing makes a new body; what changes an old body's key is rarer
            // (a linked topic renamed), so a few stale keys are let go all at once.
            if (renders.Count > 8) renders.Clear();
            renders[key] = done;
        }
        foreach (var diagnostic in done.Diagnostics) diagnostics.Add(diagnostic);
        return done.Rendered;
    }

    public string? Highlight(string languageId, IReadOnlyList<string> lines, Func<string?> tokenize) =>
        HighlightMemo.Shared.Highlight(languageId, lines, tokenize);

    public string Words(MarkdownBody body, Func<string> words) => betweenRuns ? _words.GetValue(body, _ => words()) : words();
}
