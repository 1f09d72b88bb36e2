namespace RoadmapGen.Core;

/// <summary>
/// A content file's identity, made once by Load and carried to everything about the file (its
/// page, its links, its diagnostics), so no stage turns a display string back into a path.
/// </summary>
/// <param name="FullPath">Where it is on disk: what links between content files resolve to.</param>
/// <param name="Relative">Its path inside the content folder, with '/' ("roadmaps/backend/topics/http.md").</param>
/// <param name="Display">How diagnostics name it (relative to the working directory).</param>
public sealed record SourceFile(string FullPath, string Relative, string Display)
{
    public static SourceFile In(string contentRoot, string fullPath, string display) =>
        new(fullPath, Path.GetRelativePath(contentRoot, fullPath).Replace('\\', '/'), display);

    public override string ToString() => Display;
}
