using RoadmapGen.Diagnostics;
using RoadmapGen.Render;

namespace RoadmapGen;

/// <summary>What a build reads: the content and templates folders, and the base path of the URLs it writes.</summary>
public sealed record BuildOptions(string Content = "content", string Templates = "templates", string BasePath = "/");

/// <summary>What a build made: the files (none when it failed), every diagnostic, and what it counted.</summary>
public sealed record BuildResult(IReadOnlyList<OutputFile> Files, DiagnosticBag Diagnostics, int Pages, int LinksChecked, TimeSpan Elapsed)
{
    public bool Succeeded => !Diagnostics.HasErrors;
}

/// <summary>
/// Pages serve wants before the rest of the site (the ones open in a browser, the edited file's):
/// a build renders them first and hands them to <paramref name="Ready"/>, without errors, before it
/// renders and checks everything else. They are the bytes the whole build then holds.
/// </summary>
/// <param name="Paths">Output paths of pages (<c>backend/caching/index.html</c>).</param>
/// <param name="Ready">Called on the build's thread with the first pages, the assets and the images.</param>
public sealed record FirstPages(IReadOnlySet<string> Paths, Action<IReadOnlyList<OutputFile>> Ready);
