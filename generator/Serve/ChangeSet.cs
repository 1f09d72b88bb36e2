namespace RoadmapGen.Serve;

/// <summary>What changed on disk since the last rebuild: content paths, whether templates changed, or "unknown, rebuild all".</summary>
public sealed record ChangeSet(IReadOnlySet<string> ContentPaths, bool Templates, bool Everything)
{
    public static ChangeSet All { get; } = new(new HashSet<string>(), Templates: true, Everything: true);
    public static ChangeSet None { get; } = new(new HashSet<string>(), Templates: false, Everything: false);

    public ChangeSet Merge(ChangeSet other) => new(
        ContentPaths.Union(other.ContentPaths, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
        Templates || other.Templates, Everything || other.Everything);

    /// <summary>"1 topic changed", "templates and 2 files changed", for the rebuild line in the terminal.</summary>
    public string Describe()
    {
        if (Everything) return "full rebuild";
        var parts = new List<string>();
        if (Templates) parts.Add("templates");
        // Paths without an extension are folders, or the scratch files some tools rename into place (sed -i).
        var files = ContentPaths.Where(p => Path.HasExtension(p)).ToList();
        var topics = files.Count(IsTopic);
        var others = files.Count - topics;
        if (topics > 0) parts.Add(topics == 1 ? "1 topic" : $"{topics} topics");
        if (others > 0) parts.Add(others == 1 ? "1 file" : $"{others} files");
        if (parts.Count == 0 && ContentPaths.Count > 0) parts.Add("folders");
        return parts.Count == 0 ? "nothing changed" : string.Join(" and ", parts) + " changed";
    }

    private static bool IsTopic(string path)
    {
        var parent = Path.GetFileName(Path.GetDirectoryName(path));
        return parent == "topics" && path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
    }
}
