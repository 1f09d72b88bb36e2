using System.Text.Json;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Memo;

/// <summary>
/// git's history of the content folder kept between builds, by the folder and the stamp of the
/// commit HEAD points to (<see cref="GitStamp"/>: every commit, checkout, reset, pull or change of
/// depth moves it). <c>git log</c> was a tenth of a warm build's CPU (a process, and every
/// commit's trees compared), to say what the last build already knew. Where there is no stamp
/// (no repository, GIT_DIR set), or git failed, nothing is kept and git runs every build. Beside
/// the other stores: one file per generator build and content folder (<see cref="StoreFolder.Site"/>); a broken or
/// foreign file is ignored and replaced.
/// </summary>
internal sealed class HistoryStore(string? folder) : ILoadReuse
{
    public void BeginLoad(IReadOnlyCollection<string> contentFiles) { }

    public T? Read<T>(string fullPath, DiagnosticBag diagnostics, Func<byte[]?, DiagnosticBag, T?> read) where T : class => read(null, diagnostics);

    public GitHistory History(string contentRoot, Func<GitHistory> read)
    {
        if (folder is null) return read();
        // Stamped before git runs, as serve's memo does: a commit racing the log leaves a newer stamp.
        if (GitStamp.Of(contentRoot) is not { } head) return read();
        var stamp = StoreFolder.Stamp();
        var file = Path.Combine(folder, $"history-{stamp}-{StoreFolder.Site(contentRoot)}.json");
        var key = Path.GetFullPath(contentRoot) + "\n" + head;
        var stored = Read(file);
        if (stored is { Commits: { } commits } && stored.Stamp == stamp && stored.Key == key && commits.All(c => c.Valid))
            return new GitHistory([.. commits.Select(c => new GitCommit(c.Hash!, c.Parents!, c.Date, c.Files!))], GitStamp.IsShallow(contentRoot));
        var history = read();
        // An empty history is git failing (or a repository without commits): asked again next time.
        if (!history.IsEmpty)
        {
            var kept = new StoredHistory(stamp, key, [.. history.Commits.Select(c => new StoredCommit(c.Hash, [.. c.Parents], c.Date, [.. c.Files]))]);
            StoreFolder.Replace(file, "history", stream => JsonSerializer.Serialize(stream, kept, StoreJson.Default.StoredHistory));
        }
        return history;
    }

    private static StoredHistory? Read(string file)
    {
        try
        {
            return StoreFolder.Read(file, StoreJson.Default.StoredHistory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <param name="Stamp">The generator that wrote it, also in the file's name: a file copied or renamed from another is ignored.</param>
/// <param name="Key">The content folder's full path and its repository's stamp when git was asked.</param>
internal sealed record StoredHistory(string Stamp, string Key, StoredCommit[]? Commits);

internal sealed record StoredCommit(string? Hash, string[]? Parents, DateTimeOffset Date, string[]? Files)
{
    public bool Valid => Hash is not null && Parents is not null && Files is not null && !Parents.Any(p => p is null) && !Files.Any(f => f is null);
}
