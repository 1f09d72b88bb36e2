using System.Collections.Concurrent;
using System.IO.Hashing;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Memo;

/// <summary>
/// Load's side of the memo layer: each content file's source (a <see cref="TopicSource"/> or a
/// <see cref="Page"/>, never the linked model) with the diagnostics it produced, kept by the
/// file's path and a hash of its bytes, and valid while no content file appeared or vanished;
/// and git's commit dates until git's history moves (see <see cref="GitStamp"/>). Every load
/// reads every file (about 150 small files, a millisecond or two): a file saved or checked out
/// unchanged keeps its parse whatever its timestamp says, and a file changed within one tick of
/// the clock, its size the same, is parsed again.
/// </summary>
internal sealed class ContentMemo : ILoadReuse
{
    private sealed record Entry(UInt128 Hash, object? Value, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private HashSet<string> _fileSet = new(StringComparer.Ordinal);
    private int _parsed;
    private (string Stamp, GitHistory Dates)? _history;

    public int FilesParsed => Volatile.Read(ref _parsed);

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

    public T? Read<T>(string fullPath, DiagnosticBag diagnostics, Func<byte[]?, DiagnosticBag, T?> read) where T : class
    {
        // The parse is of the very bytes that were hashed, so what is kept always matches its key.
        if (Bytes(fullPath) is not { } bytes)
        {
            // Missing, unreadable or too large: the reader reports why, every time.
            _files.TryRemove(fullPath, out _);
            Interlocked.Increment(ref _parsed);
            return read(null, diagnostics);
        }
        var hash = XxHash128.HashToUInt128(bytes);
        if (_files.TryGetValue(fullPath, out var entry) && entry.Hash == hash && entry.Value is null or T)
        {
            Replay(entry.Diagnostics, diagnostics);
            return (T?)entry.Value;
        }
        Interlocked.Increment(ref _parsed);
        var own = new DiagnosticBag();
        var value = read(bytes, own);
        var produced = own.Sorted();
        _files[fullPath] = new Entry(hash, value, produced);
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

    private static byte[]? Bytes(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists || info.Length > SourceText.MaxBytes) return null;
            var bytes = File.ReadAllBytes(fullPath);
            return bytes.Length > SourceText.MaxBytes ? null : bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Replay(IReadOnlyList<Diagnostic> from, DiagnosticBag to)
    {
        foreach (var diagnostic in from) to.Add(diagnostic);
    }
}
