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
