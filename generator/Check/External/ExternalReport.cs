using RoadmapGen.Diagnostics;

namespace RoadmapGen.Check.External;

/// <summary>
/// Turns link results into diagnostics at the page line that links to each bad URL, and into
/// a report grouped by page, so whoever fixes them sees which topic to edit.
/// </summary>
public sealed class ExternalReport
{
    public sealed record Problem(ExternalLinkUse Use, LinkResult Result);

    public sealed record PageGroup(string PagePath, string DisplayPath, string Title, IReadOnlyList<Problem> Problems);

    public IReadOnlyList<PageGroup> Pages { get; }
    public int UniqueUrls { get; }
    public int PagesWithLinks { get; }
    public int FromCache { get; }

    private ExternalReport(IReadOnlyList<PageGroup> pages, int uniqueUrls, int pagesWithLinks, int fromCache)
    {
        Pages = pages;
        UniqueUrls = uniqueUrls;
        PagesWithLinks = pagesWithLinks;
        FromCache = fromCache;
    }

    public int Count(LinkState state) => Pages.SelectMany(p => p.Problems).Where(p => p.Result.State == state)
        .Select(p => p.Result.Url).Distinct().Count();

    public static ExternalReport Build(IReadOnlyList<ExternalLinkUse> uses, IReadOnlyDictionary<string, LinkResult> results)
    {
        var groups = uses
            .Where(u => results.TryGetValue(u.Key, out var r) && r.State != LinkState.Alive)
            // A page linking one URL twice needs one fix, so it is reported once, at its first link.
            .DistinctBy(u => (u.PagePath, u.Key))
            .GroupBy(u => u.PagePath, StringComparer.Ordinal)
            .Select(g => new PageGroup(g.Key, g.First().DisplayPath, g.First().PageTitle,
                g.OrderBy(u => u.Line).ThenBy(u => u.Column).Select(u => new Problem(u, results[u.Key])).ToList()))
            .OrderBy(g => g.PagePath, StringComparer.Ordinal)
            .ToList();
        var fromCache = results.Values.Count(r => r.FromCache);
        var pagesWithLinks = uses.Select(u => u.PagePath).Distinct().Count();
        return new ExternalReport(groups, results.Count, pagesWithLinks, fromCache);
    }

    public void AddDiagnostics(DiagnosticBag diagnostics)
    {
        foreach (var page in Pages)
        foreach (var (use, result) in page.Problems)
        {
            switch (result.State)
            {
                case LinkState.Dead:
                    diagnostics.Error(Codes.DeadExternalLink, use.DisplayPath, use.Line, use.Column,
                        $"dead external link on '{page.Title}': {use.Url} — {result.Detail} (replace it with the page's new address, or remove it)");
                    break;
                case LinkState.Blocked:
                    diagnostics.Warning(Codes.DeadExternalLink, use.DisplayPath, use.Line, use.Column,
                        $"external link on '{page.Title}' refused the link checker: {use.Url} — {result.Detail} (open it in a browser to confirm it still works)");
                    break;
                case LinkState.RateLimited:
                    diagnostics.Warning(Codes.DeadExternalLink, use.DisplayPath, use.Line, use.Column,
                        $"external link on '{page.Title}' could not be checked: {use.Url} — {result.Detail}, rate-limited (nothing to fix: it is asked again on the next run)");
                    break;
            }
        }
    }

    public void WriteText(TextWriter output)
    {
        if (Pages.Count == 0) return;
        output.WriteLine();
        output.WriteLine("External links that need attention, by page:");
        foreach (var page in Pages)
        {
            output.WriteLine($"  {page.Title}  ({page.DisplayPath})");
            foreach (var (use, result) in page.Problems)
                output.WriteLine($"    line {use.Line,-5} {Label(result.State),-12} {use.Url}  — {result.Detail}");
        }
    }

    /// <summary>For a GitHub job summary, where the scheduled run's result is read.</summary>
    public void WriteMarkdown(TextWriter output)
    {
        output.WriteLine("## External links");
        output.WriteLine();
        output.WriteLine($"{UniqueUrls} distinct URLs on {PagesWithLinks} pages ({FromCache} from the cache): " +
                         $"{Count(LinkState.Dead)} dead, {Count(LinkState.Blocked)} refused the checker, {Count(LinkState.RateLimited)} rate-limited.");
        foreach (var page in Pages)
        {
            output.WriteLine();
            output.WriteLine($"### {Escape(page.Title)}");
            output.WriteLine();
            output.WriteLine($"`{page.DisplayPath}`");
            output.WriteLine();
            output.WriteLine("| | Answer | URL | Line |");
            output.WriteLine("|---|---|---|---|");
            foreach (var (use, result) in page.Problems)
                output.WriteLine($"| {Label(result.State)} | {Escape(result.Detail)} | <{use.Url}> | {use.Line} |");
        }
    }

    private static string Label(LinkState state) => state switch
    {
        LinkState.Dead => "dead",
        LinkState.Blocked => "refused",
        LinkState.RateLimited => "rate-limited",
        _ => "alive",
    };

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
