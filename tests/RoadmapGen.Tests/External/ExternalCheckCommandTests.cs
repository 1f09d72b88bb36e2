using Microsoft.Extensions.Time.Testing;
using RoadmapGen.Check.External;
using RoadmapGen.Cli;

namespace RoadmapGen.Tests.External;

/// <summary>`check DIR --external` on a folder of pages that link to the local server.</summary>
public sealed class ExternalCheckCommandTests : IDisposable
{
    /// <summary>
    /// Retries come at once (no backoff, a Retry-After cut to nothing), and the runs below use a
    /// fake clock that never moves by itself, so an attempt's timeout never ends a request.
    /// </summary>
    private static readonly ExternalCheckOptions Fast = new()
    {
        Retries = 1,
        RetryDelay = TimeSpan.Zero,
        MaxRetryAfter = TimeSpan.Zero,
    };

    private readonly string _work = TestPaths.NewTempDir();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private CheckCommand.ExternalRun Run(ExternalCheckOptions options, ExternalCacheOptions? cache = null, string? report = null) =>
        new(options, cache, report, _clock);

    private string Site(LinkServer server, params (string Path, string Title, string[] Links)[] pages)
    {
        var dir = Path.Combine(_work, "site");
        Directory.CreateDirectory(dir);
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
        var exit = CheckCommand.Run(dir, "/", null, output, Run(Fast));
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
        var cache = new ExternalCacheOptions(Path.Combine(_work, "cache.json"), TimeSpan.FromHours(24));
        var run = Run(Fast, cache);

        var first = new StringWriter();
        Assert.Equal(1, CheckCommand.Run(dir, "/", null, first, run));
        var requestsAfterFirstRun = server.TotalRequests;
        Assert.True(File.Exists(cache.Path));

        var second = new StringWriter();
        Assert.Equal(1, CheckCommand.Run(dir, "/", null, second, run));
        Assert.Equal(requestsAfterFirstRun, server.TotalRequests);
        Assert.Contains("0 fetched, 5 from the cache; 1 dead", second.ToString());
        Assert.Contains("error RG0304", second.ToString());

        // A day later the remembered answers are too old: every URL is asked again.
        _clock.Advance(TimeSpan.FromHours(25));
        var third = new StringWriter();
        Assert.Equal(1, CheckCommand.Run(dir, "/", null, third, run));
        Assert.Contains("5 fetched, 0 from the cache; 1 dead", third.ToString());
    }

    [Fact]
    public async Task Link_that_failed_for_now_is_asked_again_on_the_next_run()
    {
        await using var server = await LinkServer.StartAsync();
        var dir = Site(server, ("a/index.html", "A", ["/ok", "/down"]));
        var run = Run(Fast with { Retries = 0 }, new ExternalCacheOptions(Path.Combine(_work, "cache.json"), TimeSpan.FromHours(24)));
        Assert.Equal(1, CheckCommand.Run(dir, "/", null, new StringWriter(), run));
        Assert.Equal(1, CheckCommand.Run(dir, "/", null, new StringWriter(), run));
        Assert.Single(server.RequestsTo("/ok"));
        Assert.Equal(2, server.RequestsTo("/down").Count);
    }

    [Fact]
    public async Task Markdown_report_lists_each_page_with_its_dead_links()
    {
        await using var server = await LinkServer.StartAsync();
        var dir = Site(server, ("backend/dns/index.html", "DNS and domains", ["/missing", "/ok"]));
        var report = Path.Combine(_work, "summary.md");
        CheckCommand.Run(dir, "/", null, new StringWriter(), Run(Fast, report: report));
        var markdown = File.ReadAllText(report);
        Assert.Contains("### DNS and domains", markdown);
        Assert.Contains($"| dead | 404 Not Found | <{server.Url("/missing")}> | 5 |", markdown);
        Assert.DoesNotContain("/ok>", markdown);
    }

    [Fact]
    public void Without_external_no_request_is_made_and_the_links_are_not_reported()
    {
        File.WriteAllText(Path.Combine(_work, "index.html"), "<h1>Home</h1><a href=\"http://127.0.0.1:9/never\">x</a>");
        var output = new StringWriter();
        Assert.Equal(0, CheckCommand.Run(_work, "/", null, output));
        Assert.DoesNotContain("External", output.ToString());
    }
}
