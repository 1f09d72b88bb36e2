using System.Collections.Frozen;

namespace RoadmapGen.Load;

/// <summary>One commit of the repository: its parents and the content files it changed (relative to content/).</summary>
public sealed record GitCommit(string Hash, IReadOnlyList<string> Parents, DateTimeOffset Date, IReadOnlyList<string> Files);

/// <summary>
/// What one <c>git log</c> says about the content folder: every commit reachable from HEAD,
/// newest first, with the content files each changed. Change dates and translations' staleness
/// are both read from it, so a build starts git once for both.
/// </summary>
public sealed class GitHistory
{
    public static readonly GitHistory Empty = new([], shallow: false);

    private readonly FrozenDictionary<string, GitCommit> _byHash;

    public GitHistory(IReadOnlyList<GitCommit> commits, bool shallow)
    {
        Commits = commits;
        Shallow = shallow;
        _byHash = commits.ToFrozenDictionary(c => c.Hash, StringComparer.Ordinal);
        var dates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        // Newest commits come first, so a file's first appearance is its last change.
        foreach (var commit in commits)
            foreach (var file in commit.Files)
                dates.TryAdd(file, commit.Date);
        Dates = dates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<GitCommit> Commits { get; }
    /// <summary>Path relative to the content folder → the committer date of the newest commit that changed it.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Dates { get; }
    /// <summary>The clone has only part of the history (CI's default checkout): older commits are unknown.</summary>
    public bool Shallow { get; }
    /// <summary>No history at all: no git, or the content is not in a repository.</summary>
    public bool IsEmpty => Commits.Count == 0;

    public bool Contains(string hash) => _byHash.ContainsKey(hash);

    /// <summary>
    /// The commits that changed <paramref name="file"/> and that <paramref name="since"/> does not
    /// contain (not it, not its ancestors), newest first: what a translation made at that commit has not seen.
    /// </summary>
    public IReadOnlyList<GitCommit> ChangesSince(string since, string file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(since);
        while (stack.Count > 0)
        {
            var hash = stack.Pop();
            if (!seen.Add(hash) || !_byHash.TryGetValue(hash, out var commit)) continue;
            foreach (var parent in commit.Parents) stack.Push(parent);
        }
        return Commits.Where(c => !seen.Contains(c.Hash) && c.Files.Contains(file, StringComparer.Ordinal)).ToList();
    }
}
