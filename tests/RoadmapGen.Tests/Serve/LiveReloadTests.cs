using System.Net;

namespace RoadmapGen.Tests.Serve;

/// <summary>Editing content while serve runs: the page changes, mistakes reach the browser, fixes clear them.</summary>
public class LiveReloadTests
{
    [Fact]
    public async Task Saved_topic_is_served_changed_after_the_reload_event()
    {
        await using var serve = await ServeSession.StartAsync();
        var before = await serve.Http.GetStringAsync("/backend/caching/");
        Assert.DoesNotContain("Freshly saved paragraph", before);
        await using var events = await serve.EventsAsync();

        File.AppendAllText(serve.TopicFile("caching"), "\nFreshly saved paragraph.\n");
        var reload = await events.NextAsync("reload");

        Assert.Contains("Freshly saved paragraph", await serve.Http.GetStringAsync("/backend/caching/"));
        Assert.Contains("Freshly saved paragraph", await serve.Http.GetStringAsync("/backend/all/"));
        Assert.Contains($"data-version=\"{reload.GetProperty("version").GetString()}\"", await serve.Http.GetStringAsync("/backend/caching/"));
        Assert.Matches(@"rebuilt in \d+ ms \(1 topic changed", serve.Console);
    }

    [Fact]
    public async Task Unknown_prerequisite_shows_in_the_overlay_while_the_last_good_page_is_served_until_fixed()
    {
        await using var serve = await ServeSession.StartAsync();
        var file = serve.TopicFile("caching");
        var good = File.ReadAllText(file);
        var lastGood = await serve.Http.GetStringAsync("/backend/caching/");
        await using var events = await serve.EventsAsync();

        File.WriteAllText(file, good.Replace("prerequisites: [http, databases]", "prerequisites: [http, databses]"));
        // A save can be seen half-written (truncated, then written); wait for the state of the whole file.
        var failing = await events.NextAsync("diagnostics", d => d.GetProperty("text").GetString()!.Contains("RG0103"));

        var text = failing.GetProperty("text").GetString()!;
        Assert.Contains("caching.md(4,23): error RG0103: unknown topic 'databses' in prerequisites (did you mean 'databases'?)", text);
        // The overlay shows exactly what the terminal printed.
        Assert.Contains(text, serve.Console);
        var response = await serve.Http.GetAsync("/backend/caching/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(lastGood, await response.Content.ReadAsStringAsync());

        File.WriteAllText(file, good);
        var fixedState = await events.NextAsync("diagnostics", d => d.GetProperty("errors").GetInt32() == 0);
        Assert.Equal("", fixedState.GetProperty("text").GetString());
        Assert.True(fixedState.GetProperty("lastGood").GetBoolean());
    }

    [Fact]
    public async Task A_page_that_connects_while_the_build_fails_is_told_the_errors_at_once()
    {
        await using var serve = await ServeSession.StartAsync();
        await using (var first = await serve.EventsAsync())
        {
            File.AppendAllText(serve.TopicFile("caching"), "\n[broken](no-such-topic.md)\n");
            await first.NextAsync("diagnostics", d => d.GetProperty("text").GetString()!.Contains("RG0119"));
        }

        await using var late = await EventStream.ConnectAsync(serve.Server.Address);
        var state = await late.NextAsync("diagnostics");
        Assert.Contains("RG0119", state.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Changed_template_rerenders_every_page()
    {
        await using var serve = await ServeSession.StartAsync();
        await using var events = await serve.EventsAsync();
        var footer = Path.Combine(serve.Templates, "partials", "footer.sbn-html");
        File.WriteAllText(footer, File.ReadAllText(footer) + "\n<p>Footer edited while serving</p>\n");

        await events.NextAsync("reload");

        Assert.Contains("Footer edited while serving", await serve.Http.GetStringAsync("/backend/caching/"));
        Assert.Contains("Footer edited while serving", await serve.Http.GetStringAsync("/about/"));
        Assert.Contains("templates changed", serve.Console);
    }

    [Fact]
    public async Task Template_syntax_error_keeps_the_last_good_pages_and_reports_the_template_line()
    {
        await using var serve = await ServeSession.StartAsync();
        await using var events = await serve.EventsAsync();
        var topic = Path.Combine(serve.Templates, "pages", "topic.sbn-html");
        File.WriteAllText(topic, File.ReadAllText(topic) + "\n{{ if topic.title }}\n");

        var failing = await events.NextAsync("diagnostics", d => d.GetProperty("text").GetString()!.Contains("RG0201"));

        Assert.Contains("topic.sbn-html", failing.GetProperty("text").GetString());
        Assert.Contains("<h1>Caching</h1>", await serve.Http.GetStringAsync("/backend/caching/"));
    }

    [Fact]
    public async Task Site_that_never_built_shows_its_errors_and_reloads_once_fixed()
    {
        var broken = "";
        await using var serve = await ServeSession.StartAsync(prepare: content =>
        {
            broken = Path.Combine(content, "roadmaps", "backend", "topics", "caching.md");
            File.WriteAllText(broken, File.ReadAllText(broken).Replace("title: Caching", "title: [Caching"));
        });
        var response = await serve.Http.GetAsync("/backend/caching/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("RG0101", page);
        Assert.Contains("/__roadmapgen/reload.js", page);
        await using var events = await serve.EventsAsync();

        File.WriteAllText(broken, File.ReadAllText(Path.Combine(TestPaths.Content, "roadmaps", "backend", "topics", "caching.md")));
        await events.NextAsync("reload");

        Assert.Equal(HttpStatusCode.OK, (await serve.Http.GetAsync("/backend/caching/")).StatusCode);
    }
}
