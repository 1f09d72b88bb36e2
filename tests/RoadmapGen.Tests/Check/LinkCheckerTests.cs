using RoadmapGen.Core;
using RoadmapGen.Check;
using RoadmapGen.Diagnostics;
using RoadmapGen.Render;
using static RoadmapGen.Tests.Check.CheckedPages;

namespace RoadmapGen.Tests.Check;

public class LinkCheckerTests
{
    private static OutputFile Asset(string path) => new() { Path = path, Content = [1] };

    private static IReadOnlyList<Diagnostic> Check(string basePath, params OutputFile[] files)
    {
        var diagnostics = new DiagnosticBag();
        new LinkChecker(new Routes(basePath), null, f => f.Path).Check(files, diagnostics);
        return diagnostics.Sorted();
    }

    [Fact]
    public void Valid_links_fragments_and_assets_pass()
    {
        var problems = Check("/",
            Page("index.html", """<a href="/a/">a</a> <a href="a/#intro">intro</a> <a href="#top">top</a> <img src="/img/x.png" srcset="/img/x.png 1x, img/x2.png 2x"> <link href="/style.css" rel="stylesheet"> <script src="/app.js"></script> <a href="https://example.com/nowhere">ext</a> <a href="mailto:a@b.c">mail</a>"""),
            Page("a/index.html", """<h2 id="intro">Intro</h2><a href="../">home</a><a href="/a">no slash</a>"""),
            Asset("img/x.png"), Asset("img/x2.png"), Asset("style.css"), Asset("app.js"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Missing_page_is_a_broken_link_at_its_html_line()
    {
        var problem = Assert.Single(Check("/", Page("index.html", "<p>x</p>\n<a href=\"/missing/\">m</a>")));
        Assert.Equal(Codes.BrokenLink, problem.Code);
        Assert.Equal(3, problem.Line);
        Assert.Contains("'/missing/'", problem.Message);
    }

    [Fact]
    public void Fragment_missing_in_target_page_is_reported_with_a_suggestion()
    {
        var problem = Assert.Single(Check("/",
            Page("index.html", """<a href="/a/#instalation">x</a>"""),
            Page("a/index.html", """<h2 id="installation">Installation</h2>""")));
        Assert.Equal(Codes.BrokenFragment, problem.Code);
        Assert.Contains("did you mean '#installation'", problem.Message);
    }

    [Fact]
    public void Fragment_missing_in_the_same_page_is_reported()
    {
        var problem = Assert.Single(Check("/", Page("index.html", """<h2 id="one">1</h2><a href="#two">2</a>""")));
        Assert.Equal(Codes.BrokenFragment, problem.Code);
    }

    [Fact]
    public void Each_broken_srcset_candidate_is_reported()
    {
        var problems = Check("/", Page("index.html", """<img src="/a.png" srcset="/a.png 1x, /missing@2x.png 2x, /gone.png 3x" alt="">"""), Asset("a.png"));
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("srcset", p.Message));
    }

    [Fact]
    public void Markup_inside_script_title_and_textarea_is_text_and_only_link_attributes_are_links()
    {
        var problems = Check("/", Page("index.html", """
            <script>var s = '<a href="/in-script/">x</a>';</script>
            <textarea><a href="/in-textarea/">x</a></textarea>
            <a data-href="/not-a-link/" title="/nor-this/" id="here" href="/ok/" href="/second-is-ignored/">ok</a>
            <a name="old-anchor"></a> <a href="#old-anchor">to the anchor</a> <a href="#here">to here</a>
            <a>no href at all</a> <a href="/missing/">the one broken link</a>
            """), Page("ok/index.html", "<p>ok</p>"));

        var problem = Assert.Single(problems);
        Assert.Equal(Codes.BrokenLink, problem.Code);
        Assert.Contains("'/missing/'", problem.Message);
    }

    [Fact]
    public void Duplicate_ids_in_a_page_are_reported()
    {
        var problem = Assert.Single(Check("/", Page("index.html", """<h2 id="same">a</h2><h2 id="same">b</h2>""")));
        Assert.Equal(Codes.DuplicateId, problem.Code);
    }

    [Fact]
    public void Under_a_base_path_links_must_carry_it()
    {
        var problems = Check("/repo/",
            Page("index.html", """<a href="/repo/a/">ok</a> <a href="/a/">forgot the base</a>"""),
            Page("a/index.html", "<p>a</p>"));
        var problem = Assert.Single(problems);
        Assert.Contains("outside the site's base path", problem.Message);
    }

    [Fact]
    public void Absolute_links_to_the_site_url_are_checked_as_internal()
    {
        var diagnostics = new DiagnosticBag();
        new LinkChecker(new Routes("/"), "https://example.org/", f => f.Path).Check(
            [Page("index.html", """<a href="https://example.org/a/">ok</a> <a href="https://example.org/b/">broken</a> <a href="https://other.org/b/">external</a>"""),
             Page("a/index.html", "<p>a</p>")], diagnostics);
        var problem = Assert.Single(diagnostics.Sorted());
        Assert.Contains("https://example.org/b/", problem.Message);
    }

    [Fact]
    public void Links_from_markdown_are_reported_at_their_source_line()
    {
        var page = new OutputFile
        {
            Path = "index.html", Html = "<a href=\"/x/\">x</a> <a href=\"/x/\">again</a>",
            SourcePath = "content/t.md",
            Origins = [new LinkOrigin("/x/", "content/t.md", 12, 3), new LinkOrigin("/x/", "content/t.md", 20, 7)],
        };
        var problems = Check("/", page);
        Assert.Equal([("content/t.md", 12, 3), ("content/t.md", 20, 7)], problems.Select(p => (p.File, p.Line, p.Column)));
    }

    [Fact]
    public void Dot_segments_escapes_and_queries_resolve_like_a_browser()
    {
        var problems = Check("/",
            Page("index.html", """<a href="/a/./b/">dot</a> <a href="/a/x/../b/#h">dotdot</a> <a href="/caf%C3%A9/">escaped</a> <a href="/a/b/?page=2">query</a> <a href="/a/b/#missing">bad</a>"""),
            Page("a/b/index.html", """<h2 id="h">H</h2>"""),
            Page("café/index.html", "<p>x</p>"));
        var problem = Assert.Single(problems);
        Assert.Equal(Codes.BrokenFragment, problem.Code);
        Assert.Contains("#missing", problem.Message);
    }
}
