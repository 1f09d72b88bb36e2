using System.CommandLine;

namespace RoadmapGen.Cli;

/// <summary>The options several commands share, defined once so their names, defaults and help agree.</summary>
public static class CommonOptions
{
    public static Option<string> Content() =>
        new("--content") { Description = "The content folder (site.yml, roadmaps/, pages/)", DefaultValueFactory = _ => "content" };

    public static Option<string> Templates() =>
        new("--templates") { Description = "The templates folder (layouts, pages, partials, assets)", DefaultValueFactory = _ => "templates" };

    public static Option<string> BasePath(string servedWhat = "the site") =>
        new("--base-path") { Description = $"URL path {servedWhat} is served under, e.g. /roadmap/ for GitHub project pages", DefaultValueFactory = _ => "/" };
}
