using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RoadmapGen.Tests.Templates;

/// <summary>The hostile site, built once for all the tests of the class and deleted after them.</summary>
public sealed class HostileSite : IDisposable
{
    private readonly string _work = TestPaths.NewTempDir();

    public HostileSite() => Pages = HostileTextTests.BuildHostileSite(_work);

    public Dictionary<string, IHtmlDocument> Pages { get; }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}

/// <summary>
/// Contributors' text reaches templates unescaped by Scriban: the rendering context must make
/// every title and summary inert, in element text and in attributes, on every page that shows it.
/// The pages are parsed as a browser would, not searched as strings.
/// </summary>
public class HostileTextTests(HostileSite site) : IClassFixture<HostileSite>
{
    private const string Payload = "<script>alert(1)</script> \"q\" \" onmouseover=\"alert(2)";
    private static readonly string SiteTitle = "Site " + Payload;
    private static readonly string TopicTitle = "Caching " + Payload;
    private static readonly string TopicSummary = "Summary " + Payload;
    private static readonly string ResourceTitle = "Resource " + Payload;
    private static readonly string StageTitle = "Stage " + Payload;
    private static readonly string ChoiceTitle = "language " + Payload;
    private static readonly string ChoiceReason = "Reason " + Payload;
    private static readonly string OptionalNote = "Note " + Payload;

    private Dictionary<string, IHtmlDocument> Pages => site.Pages;

    internal static Dictionary<string, IHtmlDocument> BuildHostileSite(string work)
    {
        var content = Path.Combine(work, "content");
        // The Spanish pages then show the English text, hostile titles and all; a translation's
        // keys would name the stage and choice renamed below.
        RepositoryFiles.CopyContent(content, withTranslations: false);
        Edit(Path.Combine(content, "site.yml"), "title: Backend Developer Roadmap", "title: " + Yaml(SiteTitle));
        var topic = Path.Combine(content, "roadmaps", "backend", "topics", "caching.md");
        Edit(topic, "title: Caching\n", "title: " + Yaml(TopicTitle) + "\n");
        var summaryLine = File.ReadAllLines(topic).First(l => l.StartsWith("summary: ", StringComparison.Ordinal));
        Edit(topic, summaryLine, "summary: " + Yaml(TopicSummary));
        Edit(topic, "  - title: HTTP caching (MDN Web Docs)", "  - title: " + Yaml(ResourceTitle));
        var roadmap = Path.Combine(content, "roadmaps", "backend", "roadmap.yml");
        Edit(roadmap, "  - title: Caching\n", "  - title: " + Yaml(StageTitle) + "\n");
        Edit(roadmap, "      - title: server-side language\n", "      - title: " + Yaml(ChoiceTitle) + "\n");
        var reason = File.ReadAllLines(roadmap).First(l => l.StartsWith("        reason: Python", StringComparison.Ordinal));
        Edit(roadmap, reason, "        reason: " + Yaml(ChoiceReason));
        var note = File.ReadAllLines(roadmap).First(l => l.StartsWith("        note: REST covers", StringComparison.Ordinal));
        Edit(roadmap, note, "        note: " + Yaml(OptionalNote));

        var result = SiteBuild.Run(new BuildOptions(content, TestPaths.Templates, "/"));
        var problems = result.Diagnostics.Sorted();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var parser = new HtmlParser();
        return result.Files.Where(f => f.IsHtml).ToDictionary(f => f.Path, f => parser.ParseDocument(f.Html!));
    }

    private static void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(file).Replace("\r\n", "\n");
        Assert.Contains(from, text);
        File.WriteAllText(file, text.Replace(from, to));
    }

    /// <summary>YAML single quotes take every character but the quote itself literally.</summary>
    private static string Yaml(string value) => "'" + value.Replace("'", "''") + "'";

    [Fact]
    public void No_page_has_a_script_the_site_did_not_ship_or_an_event_handler_attribute()
    {
        Assert.True(Pages.Count > 100);
        foreach (var (path, page) in Pages)
        {
            // JSON-LD is the one script without src: data, never run, whose text cannot hold a '<' to close it.
            var data = page.Scripts.Where(s => s.Type is "application/ld+json" && s.Source is null).ToList();
            Assert.All(page.Scripts.Except(data), s => Assert.StartsWith("/assets/", s.Source ?? $"inline script on {path}"));
            Assert.All(data, s =>
            {
                Assert.DoesNotContain("<", s.TextContent);
                System.Text.Json.JsonDocument.Parse(s.TextContent).Dispose();
            });
            var handlers = page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.Empty(handlers.Select(a => $"{path}: {a.Name}"));
        }
    }

    [Fact]
    public void Site_title_is_text_in_every_page_title_and_header()
    {
        foreach (var (path, page) in Pages)
        {
            Assert.EndsWith(SiteTitle, page.Title);
            Assert.Equal(SiteTitle, page.QuerySelector(".brand")!.TextContent.Trim());
            Assert.StartsWith(SiteTitle, page.QuerySelector(".site-footer p")!.TextContent.Trim());
        }
    }

    [Fact]
    public void Topic_title_and_summary_are_text_and_attribute_values_wherever_the_topic_appears()
    {
        var topic = Pages["backend/caching/index.html"];
        Assert.Equal(TopicTitle, topic.QuerySelector("h1")!.TextContent);
        Assert.Equal(TopicTitle + " · " + SiteTitle, topic.Title);
        Assert.Equal(TopicSummary, topic.QuerySelector(".topic-head .lead")!.TextContent);
        Assert.Equal(TopicSummary, topic.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(TopicTitle, topic.QuerySelector("[aria-current=page]")!.TextContent);

        Assert.Contains(TopicTitle, Texts(Pages["backend/index.html"], "ol.map .node-title"));
        Assert.Contains(TopicTitle, Texts(Pages["topics/index.html"], ".az a"));
        Assert.Contains("— " + TopicSummary, Texts(Pages["topics/index.html"], ".az .muted"));
        Assert.Contains(TopicTitle, Texts(Pages["backend/all/index.html"], ".all-stage a"));
        Assert.Contains(TopicSummary, Texts(Pages["backend/all/index.html"], ".all-topic .lead"));

        // The pages before and after it in reading order, and the topics that require it.
        var neighbours = Pages.Values.Where(p => p.QuerySelectorAll(".pager a").Any(a => a.GetAttribute("href") == "/backend/caching/")).ToList();
        Assert.Equal(2, neighbours.Count);
        Assert.All(neighbours, p => Assert.Contains(Texts(p, ".pager a"), t => t.EndsWith(TopicTitle, StringComparison.Ordinal)));
        var dependants = Pages.Values.Where(p => p.QuerySelectorAll(".relations a").Any(a => a.GetAttribute("href") == "/backend/caching/")).ToList();
        Assert.NotEmpty(dependants);
        Assert.All(dependants, p => Assert.Contains(TopicTitle, Texts(p, ".relations a")));
    }

    [Fact]
    public void Resource_and_stage_titles_are_text_on_the_topic_roadmap_and_whole_roadmap_pages()
    {
        Assert.Contains(ResourceTitle, Texts(Pages["backend/caching/index.html"], ".resources a"));
        Assert.Contains(ResourceTitle, Texts(Pages["backend/all/index.html"], ".print-links a"));

        Assert.Contains("Stage 10: " + StageTitle, Texts(Pages["backend/caching/index.html"], ".breadcrumbs a"));
        Assert.Contains("Stage 10: " + StageTitle, Texts(Pages["backend/index.html"], ".stage-title"));
        Assert.Contains("Stage 10 " + StageTitle, Texts(Pages["backend/all/index.html"], ".all-stage h2"));
        Assert.Contains(StageTitle, Texts(Pages["index.html"], ".stage-grid-title"));
        Assert.Contains(StageTitle, Texts(Pages["404.html"], ".stage-list a"));
    }

    private static List<string> Texts(IDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public void Choice_titles_reasons_and_optional_notes_are_text_on_the_roadmap_and_topic_pages()
    {
        var roadmap = Pages["backend/index.html"];
        var group = roadmap.QuerySelector("li.choice[data-choice-group='choice-python']")!;
        Assert.Equal(ChoiceTitle, group.GetAttribute("data-choice-title"));
        Assert.Equal("Pick one " + ChoiceTitle, group.QuerySelector("h3")!.TextContent);
        Assert.Null(group.QuerySelector("script"));

        var java = Pages["backend/java/index.html"].QuerySelector("aside.topic-kind")!;
        Assert.Matches("One of [0-9]+ " + System.Text.RegularExpressions.Regex.Escape(ChoiceTitle) + " options", java.QuerySelector("h2")!.TextContent);
        Assert.Contains(java.QuerySelectorAll("p"), p => p.TextContent.EndsWith(ChoiceReason, StringComparison.Ordinal));
        Assert.Equal(OptionalNote, Pages["backend/graphql/index.html"].QuerySelector("aside.topic-kind p")!.TextContent);
        Assert.Null(java.QuerySelector("script"));
    }
}
