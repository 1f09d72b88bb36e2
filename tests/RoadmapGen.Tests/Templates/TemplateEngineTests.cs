using System.Text;
using AngleSharp.Html.Parser;
using RoadmapGen.Diagnostics;
using RoadmapGen.Render.Templates;
using RoadmapGen.Render.Views;

namespace RoadmapGen.Tests.Templates;

public sealed class TemplateEngineTests : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
    }

    private string Folder(params (string Name, string Text)[] files)
    {
        var root = TestPaths.NewTempDir();
        _folders.Add(root);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(root, name + TemplateFolder.Extension);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return root;
    }

    private static ContentPage Page(string title, string html)
    {
        var site = new SiteView("Site", "About the site", null, "/", "/topics/", "/search-index.json", "/");
        var chrome = new Chrome(site, new Dictionary<string, string>(), new PageMeta(title, "d", "/x/", "page", null), [], []);
        return new ContentPage(chrome, new ContentView(title, "s", new TrustedHtml(html), null));
    }

    [Fact]
    public void Text_is_escaped_once_trusted_html_and_partials_are_written_as_they_are()
    {
        var root = Folder(
            ("layouts/base", "<main>{{ body }}</main>"),
            ("partials/title", "<h1 title=\"{{ content.title }}\">{{ content.title }}</h1>"),
            ("pages/page", "{{ include 'partials/title' }}<p>{{ content.title | html.escape }}</p><div>{{ content.html }}</div>"
                + "{{ kept = include 'partials/title' }}<section>{{ kept }}</section>"));
        var diagnostics = new DiagnosticBag();
        var engine = TemplateEngine.Load(root, diagnostics)!;

        var html = Encoding.UTF8.GetString(engine.BeginRun(10).Render(Page("Fish & <chips> \"now\"", "<em>rendered</em>"), "x/index.html")!.Html);

        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("Fish & <chips> \"now\"", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Fish & <chips> \"now\"", page.QuerySelector("h1")!.GetAttribute("title"));
        Assert.Equal("Fish & <chips> \"now\"", page.QuerySelector("p")!.TextContent);
        Assert.Equal("rendered", page.QuerySelector("div > em")!.TextContent);
        Assert.Equal("Fish & <chips> \"now\"", page.QuerySelector("section > h1")!.TextContent);
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void A_name_longer_than_asked_takes_two_lines_broken_nearest_its_middle_and_stays_text()
    {
        var root = Folder(
            ("layouts/base", "{{ body }}"),
            ("pages/page", "<h1>{{ two_lines content.title 20 }}</h1><p>{{ two_lines content.summary 20 }}</p><i>{{ two_lines 'Supercalifragilisticexpialidocious' 20 }}</i>"));
        var engine = TemplateEngine.Load(root, new DiagnosticBag())!;
        var page = Page("Acerca de esta hoja de ruta <script>x</script>", "");
        page = page with { Content = page.Content with { Summary = "Cómo contribuir" } };

        var html = Encoding.UTF8.GetString(engine.BeginRun(10).Render(page, "x/index.html")!.Html);

        var parsed = new HtmlParser().ParseDocument(html);
        Assert.Equal("Acerca de esta hoja de <br>ruta &lt;script&gt;x&lt;/script&gt;", parsed.QuerySelector("h1")!.InnerHtml);
        Assert.Equal("Acerca de esta hoja de ruta <script>x</script>", parsed.QuerySelector("h1")!.TextContent);
        Assert.Empty(parsed.QuerySelectorAll("script"));
        Assert.Equal("Cómo contribuir", parsed.QuerySelector("p")!.InnerHtml);
        Assert.Equal("Supercalifragilisticexpialidocious", parsed.QuerySelector("i")!.InnerHtml);
    }

    [Fact]
    public void The_page_body_comes_out_whole_wherever_and_however_often_the_layout_writes_it()
    {
        // Long enough to span many builder chunks, with characters outside the BMP (surrogate
        // pairs) all along, so some pair falls across a chunk boundary.
        var long_ = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<p>{i} 🦀 é</p>"));
        var root = Folder(
            ("layouts/base", "<header>🦀</header>{{ body }}<hr>{{ kept = body }}{{ body }}<footer>{{ kept | string.size }}</footer>"),
            ("pages/page", "<article>{{ content.html }}</article>"));
        var engine = TemplateEngine.Load(root, new DiagnosticBag())!;

        var html = Encoding.UTF8.GetString(engine.BeginRun(10).Render(Page("t", long_), "x/index.html")!.Html);

        var body = "<article>" + long_ + "</article>";
        Assert.Equal($"<header>🦀</header>{body}<hr>{body}<footer>{body.Length}</footer>", html);
    }

    [Fact]
    public void Only_a_changed_template_is_parsed_again()
    {
        var root = Folder(("layouts/base", "<main>{{ body }}</main>"), ("pages/page", "<h1>{{ content.title }}</h1>"), ("partials/x", "x"));
        var first = TemplateEngine.Load(root, new DiagnosticBag())!;
        File.WriteAllText(Path.Combine(root, "pages", "page" + TemplateFolder.Extension), "<h2>{{ content.title }}</h2>");

        var second = TemplateEngine.Load(root, new DiagnosticBag(), first)!;

        Assert.Same(first.Set.Find("layouts/base"), second.Set.Find("layouts/base"));
        Assert.Same(first.Set.Find("partials/x"), second.Set.Find("partials/x"));
        Assert.NotSame(first.Set.Find("pages/page"), second.Set.Find("pages/page"));
        Assert.Contains("<h2>T</h2>", Encoding.UTF8.GetString(second.BeginRun(1).Render(Page("T", ""), "x/index.html")!.Html));
    }

    [Fact]
    public void A_partial_that_includes_itself_is_a_located_error_not_a_crash()
    {
        var root = Folder(("layouts/base", "{{ body }}"), ("pages/page", "<h1>{{ content.title }}</h1>\n{{ include 'partials/loop' }}"),
            ("partials/loop", "<p>\n{{ include 'partials/loop' }}</p>"));
        var engine = TemplateEngine.Load(root, new DiagnosticBag())!;
        var run = engine.BeginRun(10);
        var diagnostics = new DiagnosticBag();

        Assert.Null(run.Render(Page("T", ""), "x/index.html"));
        run.Report(diagnostics);

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(Codes.TemplateRuntime, error.Code);
        Assert.EndsWith("partials/loop.sbn-html", error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("x/index.html", error.Message);
    }
}
