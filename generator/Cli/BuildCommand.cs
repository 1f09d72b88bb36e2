using System.CommandLine;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Write;

namespace RoadmapGen.Cli;

public static class BuildCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var templates = CommonOptions.Templates();
        var output = new Option<string>("--out") { Description = "Where to write the site; replaced only after a clean build", DefaultValueFactory = _ => "_site" };
        var basePath = CommonOptions.BasePath();
        var command = new Command("build", "Build the site from content and templates, check every link, and write it") { content, templates, output, basePath };
        command.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(templates)!, parse.GetValue(basePath)!);
            return Run(options, parse.GetValue(output)!, Console.Out);
        });
        return command;
    }

    /// <param name="annotations">Whether each problem is also printed as a GitHub annotation; by default, when running in GitHub Actions.</param>
    public static int Run(BuildOptions options, string outFolder, TextWriter console, bool? annotations = null) =>
        Run(options, outFolder, console, (o, rendered) => SiteBuild.Run(o, rendered: rendered), annotations);

    /// <param name="build">The build itself; a test passes one that throws, to see how a bug of ours reaches the contributor.</param>
    internal static int Run(BuildOptions options, string outFolder, TextWriter console,
        Func<BuildOptions, Action<IReadOnlyList<Render.OutputFile>>, BuildResult> build, bool? annotations = null)
    {
        var github = annotations ?? DiagnosticPrinter.InGitHubActions;
        // Pages are written to a staging folder while their links are checked; the staging folder
        // replaces the output only if the whole build succeeds.
        var writeDiagnostics = new DiagnosticBag();
        var staging = SiteWriter.Begin(outFolder, writeDiagnostics);
        Task? writing = null;
        BuildResult result;
        try
        {
            result = build(options, files => writing = staging is null ? null : Task.Run(() => staging.Stage(files)));
            writing?.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            // A bug of ours, not a content mistake: say so plainly, without a stack trace, and keep _site/.
            // It has no line to point at, so it names the content folder the build was reading.
            try
            {
                writing?.Wait();
            }
            catch (AggregateException)
            {
                // The writing failed too; the build's own failure is the one to report.
            }
            staging?.Discard();
            var bug = Diagnostic.Error(Codes.InternalError, DisplayPath.Of(Path.GetFullPath(options.Content)), 0, 0,
                $"internal error while building ({e.GetType().Name}: {e.Message}); this is a bug in RoadmapGen, not in your content: please report it with the content that caused it");
            DiagnosticPrinter.Print([bug], console, github);
            console.WriteLine($"Build failed: 1 error(s), 0 warning(s); {DisplayPath.Of(Path.GetFullPath(outFolder))}/ left as it was.");
            return 1;
        }
        var diagnostics = result.Diagnostics;
        foreach (var d in writeDiagnostics.Sorted()) diagnostics.Add(d);
        if (staging is not null && result.Succeeded && !diagnostics.HasErrors) staging.Commit(diagnostics);
        else staging?.Discard();
        var sorted = diagnostics.Sorted();
        DiagnosticPrinter.Print(sorted, console, github);
        var warnings = sorted.Count(d => !d.IsError);
        if (diagnostics.HasErrors)
        {
            console.WriteLine($"Build failed: {diagnostics.ErrorCount} error(s), {warnings} warning(s); {DisplayPath.Of(Path.GetFullPath(outFolder))}/ left as it was.");
            return 1;
        }
        console.WriteLine($"Built {result.Pages} pages ({result.Files.Count} files), checked {result.LinksChecked} links in {result.Elapsed.TotalSeconds:0.00} s{(warnings > 0 ? $", {warnings} warning(s)" : "")} → {DisplayPath.Of(Path.GetFullPath(outFolder))}/");
        return 0;
    }
}
