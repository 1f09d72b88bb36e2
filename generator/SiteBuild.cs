using System.Diagnostics;
using RoadmapGen.Check;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;

namespace RoadmapGen;

public sealed record BuildOptions(string Content = "content", string Templates = "templates", string BasePath = "/");

public sealed record BuildResult(IReadOnlyList<OutputFile> Files, DiagnosticBag Diagnostics, int Pages, int LinksChecked, TimeSpan Elapsed)
{
    public bool Succeeded => !Diagnostics.HasErrors;
}

/// <summary>Load → Render → Check, in memory. Writing is the caller's choice (build writes, serve serves).</summary>
public static class SiteBuild
{
    public static BuildResult Run(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(options.Content, diagnostics);
        var templates = TemplateEngine.Load(options.Templates, diagnostics);
        if (site is null || templates is null || diagnostics.HasErrors)
            return new BuildResult([], diagnostics, 0, 0, clock.Elapsed);

        var urls = new UrlScheme(options.BasePath);
        var files = new SiteRenderer(site, templates, urls).Render(diagnostics);
        if (diagnostics.HasErrors) return new BuildResult(files, diagnostics, 0, 0, clock.Elapsed);

        var checker = new LinkChecker(urls, siteUrl: null, displayPath: f => f.SourcePath ?? f.Path).WithTemplates(templates.TemplateText);
        var result = checker.Check(files, diagnostics);
        return new BuildResult(files, diagnostics, result.Pages, result.LinksChecked, clock.Elapsed);
    }
}
