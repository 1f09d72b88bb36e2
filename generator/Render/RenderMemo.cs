using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Render;

/// <summary>
/// What serve keeps of the last render so the next one redoes only what changed: each page's
/// bytes under the fingerprint of everything its templates read, and each Markdown body's HTML
/// under everything its rendering reads. A build runs without one. Entries not used by a run are
/// dropped at its end, so a deleted page is not remembered.
/// </summary>
public sealed class RenderMemo
{
    private sealed record Markdown(TrustedHtml Html, List<LinkOrigin> Origins, IReadOnlyList<Diagnostic> Diagnostics);

    private ConcurrentDictionary<string, (string Fingerprint, byte[] Html)> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, (string Fingerprint, byte[] Html)> _current = new(StringComparer.Ordinal);
    private ConditionalWeakTable<MarkdownBody, ConcurrentDictionary<string, Markdown>> _bodies = new();
    private int _rendered;
    private int _reused;

    /// <summary>Pages the last run rendered, and pages it took from the run before.</summary>
    public (int Rendered, int Reused) LastRun => (Volatile.Read(ref _rendered), Volatile.Read(ref _reused));

    internal void BeginRun()
    {
        _current = new ConcurrentDictionary<string, (string, byte[])>(StringComparer.Ordinal);
        _rendered = 0;
        _reused = 0;
    }

    internal void EndRun() => _previous = _current;

    public void Clear()
    {
        _previous.Clear();
        _current.Clear();
        _bodies = new ConditionalWeakTable<MarkdownBody, ConcurrentDictionary<string, Markdown>>();
    }

    /// <summary>The page's bytes from the last run when they were rendered from the same fingerprint.</summary>
    internal byte[]? Page(string path, string fingerprint)
    {
        if (!_previous.TryGetValue(path, out var kept) || kept.Fingerprint != fingerprint) return null;
        _current[path] = kept;
        Interlocked.Increment(ref _reused);
        return kept.Html;
    }

    internal void Rendered(string path, string? fingerprint, byte[] html)
    {
        Interlocked.Increment(ref _rendered);
        if (fingerprint is not null) _current[path] = (fingerprint, html);
    }

    /// <summary>
    /// A body rendered with the same prefix, page URL and targets of its links to other content
    /// files is the same HTML with the same diagnostics, which are replayed into <paramref name="diagnostics"/>.
    /// </summary>
    internal (TrustedHtml Html, List<LinkOrigin> Origins) Body(MarkdownBody body, string sourcePath, Func<ContentLink, string?> urlOf,
        DiagnosticBag diagnostics, string? idPrefix, string? pageUrl,
        Func<DiagnosticBag, (TrustedHtml Html, List<LinkOrigin> Origins)> render)
    {
        var key = string.Join('\n', body.ContentLinks.Select(l => urlOf(l) ?? "")
            .Prepend(pageUrl ?? "").Prepend(idPrefix ?? "").Prepend(sourcePath));
        var renders = _bodies.GetValue(body, _ => new ConcurrentDictionary<string, Markdown>(StringComparer.Ordinal));
        if (!renders.TryGetValue(key, out var done))
        {
            var own = new DiagnosticBag();
            var (html, origins) = render(own);
            done = new Markdown(html, origins, own.Sorted());
            // A body's file changing makes a new body; what changes an old body's key is rarer
            // (a linked topic renamed), so a few stale keys are let go all at once.
            if (renders.Count > 8) renders.Clear();
            renders[key] = done;
        }
        foreach (var diagnostic in done.Diagnostics) diagnostics.Add(diagnostic);
        return (done.Html, done.Origins);
    }
}
