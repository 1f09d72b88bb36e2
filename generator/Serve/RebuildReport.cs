using RoadmapGen.Diagnostics;

namespace RoadmapGen.Serve;

/// <summary>How one rebuild went, as printed and as tests see it.</summary>
/// <param name="PagesRendered">Pages whose templates ran (the others read the same as last time and kept their bytes).</param>
/// <param name="PagesChecked">Pages whose links were checked (the others, and the pages they link to, did not change).</param>
public sealed record RebuildReport(bool Succeeded, TimeSpan Elapsed, ChangeSet Change, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> ChangedPaths, int FilesParsed,
    int PagesRendered = 0, int PagesChecked = 0)
{
    /// <summary>A newer change stopped it before its end: nothing of it was printed or published, and its changes go into the next rebuild.</summary>
    public bool Stopped { get; init; }
}
