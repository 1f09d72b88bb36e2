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

    public SiteSnapshot(IReadOnlyList<OutputFile> files, string version)
    {
        _files = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        Version = version;
    }

    /// <summary>Names this build to the reload script, which reloads a page made from an older one.</summary>
    public string Version { get; }

    public bool Contains(string path) => _files.ContainsKey(path);

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
