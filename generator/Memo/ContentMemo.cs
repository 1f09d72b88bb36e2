using System.Collections.Concurrent;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Memo;

/// <summary>
/// Load's side of the memo layer: each content file's source (a <see cref="TopicSource"/> or a
/// <see cref="Page"/>, never the linked model) with the diagnostics it produced, valid while the
/// file's size and last write time stay the same and no content file appeared or vanished; and
/// git's commit dates until git's history moves (see <see cref="GitStamp"/>).
/// </summary>
internal sealed class ContentMemo : ILoadReuse
{
    private sealed record Entry(long Length, DateTime WriteTime, object? Value, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private HashSet<string> _fileSet = new(StringComparer.Ordinal);
    private int _parsed;
    private (string Stamp, GitHistory Dates)? _history;

    public int FilesParsed => Volatile.Read(ref _parsed);

    public void Invalidate(string fullPath) => _files.TryRemove(fullPath, out _);

    public void Clear()
    {
        _files.Clear();
        _fileSet = new HashSet<string>(StringComparer.Ordinal);
        _history = null;
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

    private static void Replay(IReadOnlyList<Diagnostic> from, DiagnosticBag to)
    {
        foreach (var diagnostic in from) to.Add(diagnostic);
    }
}
