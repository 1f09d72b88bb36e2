using System.Collections.Concurrent;
using RoadmapGen.Render.Highlighting;

namespace RoadmapGen.Memo;

/// <summary>
/// Highlighted code blocks, by grammar and code: for the process (the whole-roadmap page shows
/// every topic's code again, serve rebuilds often with the same code, tests build many sites)
/// and, through <see cref="HighlightStore"/>, for the next process. One per process, because
/// what it keeps depends on nothing but the generator and the block itself.
/// </summary>
internal sealed class HighlightMemo
{
    public static readonly HighlightMemo Shared = new();

    /// <summary>Enough for every block of a large site; past it, the kept results start again.</summary>
    private const int KeptLimit = 50_000;

    private readonly ConcurrentDictionary<(string Language, string Code), string?> _done = new();
    private readonly Lazy<HighlightStore?> _store = new(HighlightStore.Open);

    public string? Highlight(string languageId, IReadOnlyList<string> lines, Func<string?> tokenize)
    {
        var key = (languageId, string.Join('\n', lines));
        if (_done.TryGetValue(key, out var kept)) return kept;
        if (_done.Count > KeptLimit) _done.Clear();
        var html = _store.Value is { } store ? Stored(store, languageId, key.Item2, tokenize) : tokenize();
        _done.TryAdd(key, html);
        return html;
    }

    private static string? Stored(HighlightStore store, string languageId, string code, Func<string?> tokenize)
    {
        var stored = HighlightStore.Key(languageId, code);
        if (store.TryGet(stored, out var html)) return html;
        html = tokenize();
        // Plain code because the engine is missing is not this code's answer: the next run, with
        // the library in place, must highlight it.
        if (CodeHighlighter.Unavailable is null) store.Add(stored, html);
        return html;
    }

    /// <summary>Keeps what this process highlighted for the next one.</summary>
    public void Persist()
    {
        if (_store.IsValueCreated) _store.Value?.Save();
    }
}
