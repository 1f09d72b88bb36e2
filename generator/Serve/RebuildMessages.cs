using System.Text.Json;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Serve;

/// <summary>What serve says about a rebuild: a line in the terminal, and the state sent to open pages.</summary>
public static class RebuildMessages
{
    /// <summary>The state sent to pages: the same lines the terminal shows, for the overlay.</summary>
    public static string StateJson(IReadOnlyList<Diagnostic> diagnostics, string? version, bool lastGood)
    {
        var text = new StringWriter { NewLine = "\n" };
        DiagnosticPrinter.Print(diagnostics.Where(d => d.IsError), text, githubAnnotations: false);
        return JsonSerializer.Serialize(new StateMessage(version, lastGood,
            diagnostics.Count(d => d.IsError), diagnostics.Count(d => !d.IsError), text.ToString().TrimEnd('\n'),
            diagnostics.Select(d => new DiagnosticMessage(d.IsError ? "error" : "warning", d.Code, d.File, d.Line, d.Column, d.Message, d.ToString())).ToList()),
            ServeJson.Default.StateMessage);
    }

    /// <summary>The terminal's account of a rebuild: its diagnostics, then one line.</summary>
    public static void Print(TextWriter console, RebuildReport report, bool first, int pages, bool servingLastGood)
    {
        DiagnosticPrinter.Print(report.Diagnostics, console, githubAnnotations: false);
        var ms = $"{report.Elapsed.TotalMilliseconds:0} ms";
        var errors = report.Diagnostics.Count(d => d.IsError);
        if (!report.Succeeded)
            console.WriteLine($"build failed in {ms} ({report.Change.Describe()}): {errors} error(s); "
                + (servingLastGood ? "still serving the last good build" : "nothing to serve until it is fixed"));
        else if (first)
            console.WriteLine($"built {pages} pages in {ms}");
        else
            console.WriteLine($"rebuilt in {ms} ({report.Change.Describe()}; {Files(report.ChangedPaths.Count)} updated)");
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";
}
