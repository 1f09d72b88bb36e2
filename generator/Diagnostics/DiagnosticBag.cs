using System.Collections.Concurrent;

namespace RoadmapGen.Diagnostics;

/// <summary>
/// Collects diagnostics from every stage (thread-safe: Render and Check run in parallel)
/// so a contributor sees all problems of a run at once, not one per build.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Error(string code, string file, int line, int column, string message) =>
        Add(Diagnostic.Error(code, file, line, column, message));

    public void Warning(string code, string file, int line, int column, string message) =>
        Add(Diagnostic.Warning(code, file, line, column, message));

    public void Error(string code, string file, FileSpan span, string message) =>
        Add(Diagnostic.Of(Severity.Error, code, file, span, message));

    public void Warning(string code, string file, FileSpan span, string message) =>
        Add(Diagnostic.Of(Severity.Warning, code, file, span, message));

    public bool HasErrors => _items.Any(d => d.IsError);

    /// <summary>Distinct errors: the same broken link shown on a topic page and the whole-roadmap page is one mistake.</summary>
    public int ErrorCount => _items.Distinct().Count(d => d.IsError);

    /// <summary>Sorted by file, then position, so output is stable across parallel runs.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items
        .Distinct()
        .OrderBy(d => d.File, StringComparer.Ordinal)
        .ThenBy(d => d.Line).ThenBy(d => d.Column)
        .ThenBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .ToList();
}
