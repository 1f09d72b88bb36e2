using Microsoft.AspNetCore.StaticFiles;
using RoadmapGen.Render;

namespace RoadmapGen.Serve;

/// <summary>
/// One successful build as it is served: never changed after it is made, and swapped whole,
/// so a request sees either the last good build or the next one, never half of a rebuild.
/// </summary>
public sealed class SiteSnapshot
{
    private static readonly FileExtensionContentTypeProvider Types = new();
    private readonly Dictionary<string, OutputFile> _files;

    private readonly HashSet<string>? _fresh;

    public SiteSnapshot(IReadOnlyList<OutputFile> files, string version)
    {
        _files = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        Version = version;
    }

    private SiteSnapshot(Dictionary<string, OutputFile> files, string version, HashSet<string> fresh, Task<SiteSnapshot> complete)
    {
        _files = files;
        Version = version;
        _fresh = fresh;
        Complete = complete;
    }

    /// <summary>
    /// A build's first pages (<see cref="FirstPages"/>) while the rest of it is made: those files
    /// are served at once; every other path is answered by <paramref name="complete"/>, the snapshot
    /// serve holds once the whole rebuild is done, so no page of the older build is served as new.
    /// </summary>
    public SiteSnapshot WithFirst(IReadOnlyList<OutputFile> first, string version, Task<SiteSnapshot> complete)
    {
        var files = new Dictionary<string, OutputFile>(_files, StringComparer.Ordinal);
        foreach (var file in first) files[file.Path] = file;
        return new SiteSnapshot(files, version, first.Select(f => f.Path).ToHashSet(StringComparer.Ordinal), complete);
    }

    /// <summary>Names this build to the reload script, which reloads a page made from an older one.</summary>
    public string Version { get; }

    /// <summary>While only the first pages of a rebuild are in: the whole rebuild's snapshot, to wait for. Null for a whole build.</summary>
    public Task<SiteSnapshot>? Complete { get; }

    /// <summary>Whether <paramref name="path"/> may be served from this snapshot now, rather than after <see cref="Complete"/>.</summary>
    public bool IsFinal(string path) => _fresh is null || _fresh.Contains(path);

    public bool Contains(string path) => _files.ContainsKey(path);

    public IEnumerable<OutputFile> Files => _files.Values;

    public OutputFile? Find(string path) => _files.GetValueOrDefault(path);

    /// <summary>Output paths added, removed or with other bytes than in <paramref name="previous"/>.</summary>
    public IReadOnlyList<string> ChangedSince(SiteSnapshot? previous)
    {
        if (previous is null) return _files.Keys.Order(StringComparer.Ordinal).ToList();
        var changed = _files.Values
            .Where(f => previous.Find(f.Path) is not { } old || !old.Content.AsSpan().SequenceEqual(f.Content))
            .Select(f => f.Path);
        var removed = previous._files.Keys.Where(k => !_files.ContainsKey(k));
        return changed.Concat(removed).Order(StringComparer.Ordinal).ToList();
    }

    public static string ContentType(string path)
    {
        if (!Types.TryGetContentType(path, out var type)) return "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "application/xml" or "image/svg+xml"
            ? type + "; charset=utf-8"
            : type;
    }
}
