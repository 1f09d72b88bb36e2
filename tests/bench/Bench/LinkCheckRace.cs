using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RoadmapGen.Bench;

/// <summary>
/// One broken link put into a copy of a built site. A report of it is recognised by its unique token
/// (in the URL) or by its place, <c>page(line,</c>, for checkers that report positions, not URLs.
/// </summary>
public sealed record Injection(bool MissingFragment, string Page, int Line, string Href, string Token)
{
    public bool IsReportedBy(string problem) =>
        problem.Contains(Token, StringComparison.Ordinal) || problem.Contains($"{Page}({Line},", StringComparison.Ordinal);
}

/// <summary>How one checker did: time, memory, which injections it reported and what else it reported.</summary>
public sealed record CheckerScore(string Checker, RunResult? Run, int PagesFound, int FragmentsFound, int FalsePositives, IReadOnlyList<string> FalsePositiveSamples, string? Note);

/// <summary>
/// Copies a built site, injects broken page links and broken #fragments into different pages, runs each
/// available link checker on the copy and scores it: injected problems found, other problems reported.
/// </summary>
public sealed partial class LinkCheckRace(string siteDir, IReadOnlyList<Injection> injections, string logs, TimeSpan timeout)
{
    public IReadOnlyList<Injection> Injections => injections;

    [GeneratedRegex(@"error\s+RG\d+")]
    private static partial Regex RoadmapGenProblem();

    public static List<Injection> Inject(string dir, int count)
    {
        // Topic pages are the most numerous HTML files at one depth (Hugo: <section>/<slug>/index.html).
        var html = Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .ToList();
        var depth = html.GroupBy(p => p.Count(c => c == '/')).MaxBy(g => g.Count())?.Key ?? 0;
        var pages = html.Where(p => p.Count(c => c == '/') == depth).Order(StringComparer.Ordinal).ToList();
        if (pages.Count < 2 * count + 1)
        {
            throw new InvalidOperationException($"{dir} has only {pages.Count} topic pages; {2 * count + 1} are needed to inject {count}+{count} broken links");
        }

        // URL of a page, and of a missing sibling of it named by a token.
        static string Url(string page) => "/" + (page.EndsWith("/index.html", StringComparison.Ordinal) ? page[..^"index.html".Length] : page);
        static string Sibling(string page, string token) => page.EndsWith("/index.html", StringComparison.Ordinal)
            ? Url(page)[..(Url(page).TrimEnd('/').LastIndexOf('/') + 1)] + token + "/"
            : Url(page)[..(Url(page).LastIndexOf('/') + 1)] + token + ".html";
        var list = new List<Injection>();
        var step = pages.Count / (2 * count);
        for (var i = 0; i < 2 * count; i++)
        {
            var page = pages[i * step];
            var fragment = i % 2 == 1;
            var n = i / 2 + 1;
            string token, href;
            if (fragment)
            {
                token = $"bench-missing-anchor-{n:00}";
                href = Url(pages[(i * step + 1) % pages.Count]) + "#" + token;
            }
            else
            {
                token = $"bench-missing-page-{n:00}";
                href = Sibling(page, token);
            }
            var line = InsertLink(Path.Combine(dir, page), href, $"injected broken {(fragment ? "fragment" : "link")} {n:00}");
            list.Add(new Injection(fragment, page, line, href, token));
        }
        File.WriteAllLines(Path.Combine(dir, "..", "injected.txt"), list.Select(j => $"{j.Page}\t{j.Href}"));
        return list;
    }

    /// <summary>Inserts the link before &lt;/main&gt; (or &lt;/body&gt;) on a line of its own; returns that line.</summary>
    private static int InsertLink(string file, string href, string text)
    {
        var html = File.ReadAllText(file);
        var at = html.LastIndexOf("</main>", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        }
        if (at < 0)
        {
            at = html.Length;
        }
        var link = $"\n<p class=\"bench-injected\"><a href=\"{href}\">{text}</a></p>\n";
        File.WriteAllText(file, html.Insert(at, link));
        return html.AsSpan(0, at).Count('\n') + 2;
    }

    public CheckerScore RunRoadmapGen(string dll)
    {
        var (exe, prefix) = Tools.RoadmapGen(dll);
        var run = ProcessRunner.Run(exe, [.. prefix, "check", siteDir, "--base-path", "/"],
            Path.Combine(logs, "check-roadmapgen"), timeout);
        var problems = (run.Stdout + "\n" + run.Stderr).Split('\n').Where(l => RoadmapGenProblem().IsMatch(l)).ToList();
        return Score("roadmapgen check", run, problems, null);
    }

    public CheckerScore RunLinkchecker(string exe)
    {
        Directory.CreateDirectory(logs);
        var config = Path.Combine(logs, "linkcheckerrc");
        // linkchecker waits 0.1–0.6 s between requests to one host unless the server sends a "LinkChecker"
        // header (ours does) and maxrequestspersecond is raised; without this 10k pages take hours.
        // AnchorCheck reports missing #fragments as warnings, so warnings stay on.
        File.WriteAllText(config, "[checking]\nmaxrequestspersecond=10000\n\n[AnchorCheck]\n");
        using var server = new StaticFileServer(siteDir);
        var run = ProcessRunner.Run(exe, ["-f", config, "--no-status", "-o", "csv", server.RootUrl], Path.Combine(logs, "check-linkchecker"), timeout);
        // By default only URLs with an error or a warning are logged: every data row is a problem.
        var problems = run.Stdout.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("urlname;", StringComparison.Ordinal))
            .ToList();
        return Score("linkchecker", run, problems, "over HTTP from an in-process server; AnchorCheck on; per-host rate limit lifted (maxrequestspersecond=10000)");
    }

    public CheckerScore RunLinkinator(string exe)
    {
        var run = ProcessRunner.Run(exe,
            [siteDir, "--recurse", "--check-fragments", "--format", "json", "--skip", @"^https?://(?!127\.0\.0\.1|localhost)"],
            Path.Combine(logs, "check-linkinator"), timeout);
        var problems = new List<string>();
        string? note = "serves the folder itself; external URLs skipped; it checks a #fragment only when the link to it is seen before its target page is crawled";
        try
        {
            var json = run.Stdout;
            var start = json.IndexOf('{');
            using var doc = JsonDocument.Parse(start >= 0 ? json[start..] : "{}");
            if (doc.RootElement.TryGetProperty("links", out var links))
            {
                var failedRequests = 0;
                foreach (var link in links.EnumerateArray())
                {
                    if (link.TryGetProperty("state", out var state) && state.GetString() == "BROKEN")
                    {
                        var status = link.GetProperty("status").GetInt32();
                        failedRequests += status == 0 ? 1 : 0;
                        problems.Add($"{link.GetProperty("url").GetString()} (from {(link.TryGetProperty("parent", out var p) ? p.GetString() : "?")}, status {status})");
                    }
                }
                if (failedRequests > 0)
                {
                    note += $"; {failedRequests} of its reports have status 0: the request to its own server failed and the page went unchecked";
                }
            }
        }
        catch (JsonException e)
        {
            note = $"could not read its JSON: {e.Message}";
        }
        return Score("linkinator", run, problems, note);
    }

    private CheckerScore Score(string checker, RunResult run, List<string> problems, string? note)
    {
        var found = injections.Where(j => problems.Any(j.IsReportedBy)).ToList();
        var others = problems.Where(p => !injections.Any(j => j.IsReportedBy(p))).ToList();
        if (run.TimedOut)
        {
            note = "timed out; " + note;
        }
        return new CheckerScore(checker, run,
            found.Count(j => !j.MissingFragment), found.Count(j => j.MissingFragment),
            others.Count, others.Take(5).Select(s => s.Replace(siteDir, "")).Select(s => s.Length > 200 ? s[..200] + "…" : s).ToList(), note);
    }

    /// <summary>A short description of what was injected, for the report.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append($"{injections.Count(j => !j.MissingFragment)} links to missing pages and ");
        sb.Append($"{injections.Count(j => j.MissingFragment)} links to missing #fragments of existing pages, each in a different page");
        return sb.ToString();
    }
}
