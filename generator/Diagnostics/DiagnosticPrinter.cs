namespace RoadmapGen.Diagnostics;

/// <summary>Prints diagnostics in compiler form, and also as annotations when running in GitHub Actions.</summary>
public static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter output, bool githubAnnotations)
    {
        foreach (var d in diagnostics)
        {
            output.WriteLine(d.ToString());
            if (githubAnnotations) output.WriteLine(d.ToGitHubAnnotation());
        }
    }

    public static bool InGitHubActions =>
        string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
}
