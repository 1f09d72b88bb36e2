using System.CommandLine;
using System.Diagnostics;
using RoadmapGen.Check;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;

namespace RoadmapGen.Cli;

public static class CheckCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "A folder of HTML to check (any generator's output)" };
        var basePath = new Option<string>("--base-path") { Description = "URL path the folder is served under", DefaultValueFactory = _ => "/" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's own absolute URL; links starting with it are checked as internal" };
        var command = new Command("check", "Check internal links, images and #fragments in a folder of HTML") { folder, basePath, baseUrl };
        command.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(basePath)!, parse.GetValue(baseUrl), Console.Out));
        return command;
    }

    public static int Run(string folder, string basePath, string? baseUrl, TextWriter console)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(Codes.ContentFolderMissing, folder, 0, 0, "the folder to check does not exist");
            DiagnosticPrinter.Print(diagnostics.Sorted(), console, DiagnosticPrinter.InGitHubActions);
            return 1;
        }
        var files = FolderLoader.Load(folder);
        var root = Path.GetFullPath(folder);
        var checker = new LinkChecker(new UrlScheme(basePath), baseUrl, f => DisplayPath.Of(Path.Combine(root, f.Path)));
        var result = checker.Check(files, diagnostics);
        DiagnosticPrinter.Print(diagnostics.Sorted(), console, DiagnosticPrinter.InGitHubActions);
        console.WriteLine($"Checked {result.LinksChecked} links in {result.Pages} pages in {clock.Elapsed.TotalSeconds:0.00} s: {diagnostics.ErrorCount} problem(s).");
        return diagnostics.HasErrors ? 1 : 0;
    }
}
