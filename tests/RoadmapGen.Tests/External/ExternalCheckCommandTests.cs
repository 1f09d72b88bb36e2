using RoadmapGen.Check.External;
using RoadmapGen.Cli;

namespace RoadmapGen.Tests.External;

/// <summary>`check DIR --external` on a folder of pages that link to the local server.</summary>
public class ExternalCheckCommandTests
{
    /// <summary>Generous timeout: a test's first request pays for JIT-compiling the HTTP stack.</summary>
    private static readonly ExternalCheckOptions Fast = new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };

    private static string Site(LinkServer server, params (string Path, string Title, string[] Links)[] pages)
    {
        var dir = TestPaths.NewTempDir();
        foreach (var (path, title, links) in pages)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var anchors = string.Join("\n", links.Select(l => $"<li><a href=\"{server.Url(l)}\">{l}</a></li>"));
            File.WriteAllText(full, $"<!doctype html>\n<html><head><title>{title} · Site</title></head>\n<body><main><h1>{title}</h1>\n<ul>\n{anchors}\n</ul></main></body></html>\n");
        }
        return dir;
    }

    [Fact]
    public async Task Dead_links_are_reported_at_their_page_line_and_grouped_under_the_topic_title()
    {
        await using var server = await LinkServer.StartAsync();
        var dir = Site(server,
            ("index.html", "Home", ["/ok"]),
            ("backend/caching/index.html", "Caching", ["/ok", "/missing", "/no-head", "/missing#again"]),
            ("backend/http/index.html", "HTTP", ["/flaky", "/forbidden"]));
        var output = new StringWriter();
        var exit = CheckCommand.Run(dir, "/", null, output, new CheckCommand.ExternalRun(Fast, Cache: null));
        var text = output.ToString();

        Assert.Equal(1, exit);
        var errors = text.Split('\n').Where(l => l.Contains(": error ")).ToList();
        // Linked twice on the page (once with a fragment): one fix, so one error, at the first link.
        var error = Assert.Single(errors);
        Assert.Matches(@"backend/caching/index\.html\(6,\d+\): error RG0304: dead external link on 'Caching': http://127\.0\.0\.1:\d+/missing — 404 Not Found \(replace", error);
        Assert.Contains(text.Split('\n'), l => l.Contains("backend/http/index.html(6,") && l.Contains("warning RG0304") && l.Contains("/forbidden"));
        Assert.Contains("  Caching  (", text);
        Assert.Contains("  HTTP  (", text);
        Assert.DoesNotContain("  Home  (", text);
    }

    [Fact]
    public async Task Second_run_within_the_max_age_answers_from_the_cache_without_a_request()
    {
        await using var server = await LinkServer.StartAsync();
        var dir = Site(server, ("a/index.html", "A", ["/ok", "/missing", "/flaky", "/busy", "/no-head"]));
        var cache = new ExternalCacheOptions(Path.Combine(dir, "..", Path.GetFileName(dir) + "-cache.json"), TimeSpan.FromHours(24));
        var run = new CheckCommand.ExternalRun(Fast, cache);

        var first = new StringWriter();
        Assert.Equal(1, CheckCommand.Run(dir, "/", null, first, run));
        var requestsAfterFirstRun = server.TotalRequests;
        Assert.True(File.Exists(cache.Path));

        var second = new StringWriter();
        Assert.Equal(1, CheckCommand.Run(dir, "/", null, second, run));
        Assert.Equal(requestsAfterFirstRun, server.TotalRequests);
        Assert.Contains("0 fetched, 5 from the cache; 1 dead", second.ToString());
        Assert.Contains("error RG0304", second.ToString());
    }

    [Fact]
    public async Task Link_that_timed_out_is_asked_again_on_the_next_run()
    {
        await using var server = await LinkServer.StartAsync();
        var dir = Site(server, ("a/index.html", "A", ["/ok", "/slow"]));
        var run = new CheckCommand.ExternalRun(Fast with { Retries = 0, Timeout = TimeSpan.FromSeconds(2) }, new ExternalCacheOptions(Path.Combine(dir, "cache.json"), TimeSpan.FromHours(24)));
        Assert.Equal(1, CheckCommand.Run(dir, "/", null, new StringWriter(), run));
        Assert.Equal(1, CheckCommand.Run(dir, "/", null, new StringWriter(), run));
        Assert.Single(server.RequestsTo("/ok"));
        Assert.Equal(2, server.RequestsTo("/slow").Count);
    }

    [Fact]
    public async Task Markdown_report_lists_each_page_with_its_dead_links()
    {
        await using var server = await LinkServer.StartAsync();
        var dir = Site(server, ("backend/dns/index.html", "DNS and domains", ["/missing", "/ok"]));
        var report = Path.Combine(dir, "summary.md");
        CheckCommand.Run(dir, "/", null, new StringWriter(), new CheckCommand.ExternalRun(Fast, null, report));
        var markdown = File.ReadAllText(report);
        Assert.Contains("### DNS and domains", markdown);
        Assert.Contains($"| dead | 404 Not Found | <{server.Url("/missing")}> | 5 |", markdown);
        Assert.DoesNotContain("/ok>", markdown);
    }

    [Fact]
    public void Without_external_no_request_is_made_and_the_links_are_not_reported()
    {
        var dir = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "index.html"), "<h1>Home</h1><a href=\"http://127.0.0.1:9/never\">x</a>");
        var output = new StringWriter();
        Assert.Equal(0, CheckCommand.Run(dir, "/", null, output));
        Assert.DoesNotContain("External", output.ToString());
    }
}
