using System.CommandLine;
using System.Diagnostics;
using RoadmapGen.Check;
using RoadmapGen.Check.External;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;

namespace RoadmapGen.Cli;

public static class CheckCommand
{
    /// <summary>What <c>--external</c> asks for; null means internal links only (no network).</summary>
    /// <param name="Time">The clock of the cache's ages, the retry delays and the timeouts (the system's unless a test passes one).</param>
    public sealed record ExternalRun(ExternalCheckOptions Options, ExternalCacheOptions? Cache, string? ReportPath = null, TimeProvider? Time = null);

    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "A folder of HTML to check (any generator's output)" };
        var basePath = CommonOptions.BasePath("the folder");
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's own absolute URL; links starting with it are checked as internal" };
        var external = new Option<bool>("--external") { Description = "Also check that links to other sites still answer (needs the network)" };
        var cache = new Option<string>("--cache") { Description = "With --external: file that remembers answers between runs", DefaultValueFactory = _ => LinkCache.DefaultFileName };
        var cacheHours = new Option<double>("--cache-max-age") { Description = "With --external: hours a remembered answer is trusted (0: ask again)", DefaultValueFactory = _ => 24 };
        var report = new Option<string?>("--report") { Description = "With --external: also write the report as Markdown to this file (e.g. $GITHUB_STEP_SUMMARY)" };
        var command = new Command("check", "Check internal links, images and #fragments in a folder of HTML; with --external, links to other sites too")
        {
            folder, basePath, baseUrl, external, cache, cacheHours, report,
        };
        command.SetAction(parse =>
        {
            ExternalRun? externalRun = null;
            if (parse.GetValue(external))
            {
                var hours = parse.GetValue(cacheHours);
                externalRun = new ExternalRun(new ExternalCheckOptions(),
                    hours > 0 ? new ExternalCacheOptions(parse.GetValue(cache)!, TimeSpan.FromHours(hours)) : null,
                    parse.GetValue(report));
            }
            return Run(parse.GetValue(folder)!, parse.GetValue(basePath)!, parse.GetValue(baseUrl), Console.Out, externalRun);
        });
        return command;
    }

    public static int Run(string folder, string basePath, string? baseUrl, TextWriter console) =>
        Run(folder, basePath, baseUrl, console, external: null);

    public static int Run(string folder, string basePath, string? baseUrl, TextWriter console, ExternalRun? external)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(Codes.CheckedFolderMissing, DisplayPath.Of(Path.GetFullPath(folder)), 0, 0, "the folder to check does not exist (build the site first, or pass the folder it was built into)");
            DiagnosticPrinter.Print(diagnostics.Sorted(), console, DiagnosticPrinter.InGitHubActions);
            return 1;
        }
        var files = FolderLoader.Load(folder);
        var root = Path.GetFullPath(folder);
        string DisplayOf(OutputFile f) => DisplayPath.Of(Path.Combine(root, f.Path));
        var checker = new LinkChecker(new Routes(basePath), baseUrl, DisplayOf);
        var result = checker.Check(files, diagnostics);

        ExternalCheck.Summary? summary = null;
        if (external is not null)
            summary = ExternalCheck.RunAsync(files, DisplayOf, baseUrl, external.Options, external.Cache, diagnostics, external.Time).GetAwaiter().GetResult();

        DiagnosticPrinter.Print(diagnostics.Sorted(), console, DiagnosticPrinter.InGitHubActions);
        console.WriteLine($"Checked {result.LinksChecked} links in {result.Pages} pages in {clock.Elapsed.TotalSeconds:0.00} s: {diagnostics.ErrorCount} problem(s).");
        if (summary is not null)
        {
            var r = summary.Report;
            summary.Report.WriteText(console);
            console.WriteLine($"External: {summary.Links} links to {r.UniqueUrls} distinct URLs on {r.PagesWithLinks} pages; " +
                              $"{summary.Fetched} fetched, {r.FromCache} from the cache; {r.Count(LinkState.Dead)} dead, " +
                              $"{r.Count(LinkState.Blocked)} refused the checker, {r.Count(LinkState.RateLimited)} rate-limited.");
            if (external!.ReportPath is { Length: > 0 } reportPath) WriteReport(r, reportPath, console);
        }
        return diagnostics.HasErrors ? 1 : 0;
    }

    private static void WriteReport(ExternalReport report, string path, TextWriter console)
    {
        try
        {
            // Appending lets the report go straight into $GITHUB_STEP_SUMMARY, which other steps also write.
            using var writer = File.AppendText(path);
            report.WriteMarkdown(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.WriteLine(Diagnostic.Warning(Codes.WriteFailed, path, 0, 0, $"could not write the report: {e.Message} (check the path and its permissions)"));
        }
    }
}
