using RoadmapGen.Core;
using RoadmapGen.Check;
using RoadmapGen.Cli;
using RoadmapGen.Diagnostics;
using RoadmapGen.Render;

namespace RoadmapGen.Tests.Check;

/// <summary>
/// `check` reads URLs as the HTML standard does: the srcset parsing algorithm, the document base
/// URL, the indicated part of the document, text-fragment directives, empty hrefs, images without
/// a source. Cases marked "html-proofer" or "lychee" are those peers' own fixtures (tests/peers),
/// with the result their suites expect.
/// </summary>
public class HtmlStandardTests : IDisposable
{
    private readonly TempDirs _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Peer(string path) => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "peers", path));

    /// <summary>Runs `check` on a folder of the given files (text), returning the error lines.</summary>
    private List<string> CheckFolder(params (string Path, string Text)[] files)
    {
        var dir = _temp.New();
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        var output = new StringWriter();
        CheckCommand.Run(dir, "/", null, output);
        return output.ToString().Split('\n').Where(l => l.Contains(": error ")).ToList();
    }

    private static IReadOnlyList<Diagnostic> Check(params OutputFile[] files)
    {
        var diagnostics = new DiagnosticBag();
        new LinkChecker(new Routes("/"), null, f => f.Path).Check(files, diagnostics);
        return diagnostics.Sorted();
    }

    private static OutputFile Page(string path, string html) => new() { Path = path, Html = html };

    private static OutputFile Asset(string path) => new() { Path = path, Content = [1] };

    [Fact]
    public void Srcset_urls_follow_the_standard_parsing_algorithm()
    {
        // lychee's srcset.rs cases.
        Assert.Equal(["test-img-320w.jpg", "test-img-480w.jpg"], Srcset.Urls("test-img-320w.jpg 320w, test-img-480w.jpg 480w"));
        Assert.Equal(["/cdn-cgi/image/format=webp,width=640/https://img.youtube.com/vi/hVBl8_pgQf0/maxresdefault.jpg",
                      "/cdn-cgi/image/format=webp,width=750/https://img.youtube.com/vi/hVBl8_pgQf0/maxresdefault.jpg"],
            Srcset.Urls("/cdn-cgi/image/format=webp,width=640/https://img.youtube.com/vi/hVBl8_pgQf0/maxresdefault.jpg 640w, /cdn-cgi/image/format=webp,width=750/https://img.youtube.com/vi/hVBl8_pgQf0/maxresdefault.jpg 750w"));
        Assert.Equal(["/300.png", "/600.png", "/900.png", "https://x.invalid/a.png", "relative.png"],
            Srcset.Urls("/300.png 300w,/600.png 600w,/900.png 900w,https://x.invalid/a.png 1000w,relative.png 10w"));
        Assert.Empty(Srcset.Urls(""));
        // The standard's own edges: leading commas are skipped, all trailing commas end a URL,
        // a comma inside a parenthesised descriptor does not end the candidate.
        Assert.Equal(["a.png", "b.png"], Srcset.Urls(" ,, a.png,, b.png"));
        Assert.Equal(["a.png", "b.png"], Srcset.Urls("a.png 1x (x, y), b.png 2x"));
        Assert.Equal(["data:image/png;base64,iVBORw0KGgo="], Srcset.Urls("data:image/png;base64,iVBORw0KGgo= 1x"));
    }

    [Fact]
    public void A_srcset_url_that_holds_commas_is_checked_whole()
    {
        // html-proofer "supports base64 srcsets": no failure.
        Assert.Empty(CheckFolder(("index.html", Peer("html-proofer/images/base64_srcset.html"))));

        var problems = Check(
            Page("index.html", """<img alt="" src="/a.png" srcset="/cdn-cgi/image/format=webp,width=640/a.png 640w, /cdn-cgi/image/format=webp,width=750/missing.png 750w">"""),
            Asset("a.png"), Asset("cdn-cgi/image/format=webp,width=640/a.png"));
        var problem = Assert.Single(problems);
        Assert.Contains("'/cdn-cgi/image/format=webp,width=750/missing.png'", problem.Message);
    }

    [Fact]
    public void Relative_urls_resolve_against_the_document_base_url()
    {
        // html-proofer "properly checks relative images with base" and "passes for relative links with a base".
        Assert.Empty(CheckFolder(
            ("images/relative_with_base.html", Peer("html-proofer/images/relative_with_base.html")),
            ("assets/gpl.png", "x"), ("assets/folder/assets/barrel.png", "x"), ("gpl.png", "x")));
        Assert.Empty(CheckFolder(
            ("links/relative_links_with_base.html", Peer("html-proofer/links/relative_links_with_base.html")),
            ("anchors_in_pre.html", "<p>x</p>"), ("links/folder/anchor_link.html", "<p>x</p>"), ("links/relative_links.html", "<p>x</p>")));
        // A <base> without href changes nothing (html-proofer base_no_href: no failure).
        Assert.Empty(CheckFolder(("links/base_no_href.html", Peer("html-proofer/links/base_no_href.html"))));

        // The base decides where a relative URL points: the same href is broken once the base moves it.
        var problem = Assert.Single(Check(
            Page("docs/index.html", """<head><base href="/assets/"></head><img alt="" src="logo.png"> <a href="#intro">to the base page</a>"""),
            Asset("docs/logo.png"), Page("assets/index.html", """<h2 id="intro">x</h2>""")));
        Assert.Contains("no page or file at 'assets/logo.png'", problem.Message);
    }

    [Fact]
    public void A_fragment_is_looked_up_raw_then_percent_decoded()
    {
        // lychee test_fragments on fixtures/fragments/file.html: of its in-page fragments only
        // #in-the-end (no such id) and #in-THE-begiNNing (ids are case-sensitive) fail;
        // #tangent%3A-kustomize matches its id raw, #Upper-%C3%84%C3%96%C3%B6 decoded.
        var errors = CheckFolder(("file.html", Peer("lychee/fragments/file.html")), ("file1.md", "# fragment-1"));
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("RG0302") && e.Contains("'#in-the-end'"));
        Assert.Contains(errors, e => e.Contains("RG0302") && e.Contains("'#in-THE-begiNNing'"));

        // html-proofer "works for internal links to weird encoding IDs": #%7C%3E/2 is the id "|>/2".
        Assert.Empty(CheckFolder(("index.html", Peer("html-proofer/links/encodingLink.html")), ("Kernel.html", """<h2 id="|>/2">pipe</h2>""")));

        // Raw first: an id that itself holds "%20" is found before decoding would miss it;
        // a raw space is escaped by the URL parser and found the same way.
        Assert.Empty(Check(Page("index.html", """<h2 id="a%20b">x</h2><a href="#a%20b">raw</a> <a href="#a b">parsed</a>""")));
    }

    [Fact]
    public void Top_in_any_case_and_an_empty_fragment_mean_the_top_of_the_page()
    {
        // html-proofer "passes when linking to the top".
        Assert.Empty(CheckFolder(("index.html", Peer("html-proofer/links/topHashInternal.html"))));
        Assert.Empty(Check(Page("index.html", """<a href="#TOP">a</a> <a href="#Top">b</a> <a href="#">c</a> <a href="#%74op">d</a>"""),
            Page("a/index.html", """<a href="/#TOP">home</a>""")));
        // An element with id "top" still counts, and another case of it is not "top".
        Assert.Single(Check(Page("index.html", """<a href="#topp">a</a>""")));
    }

    [Fact]
    public void A_text_fragment_directive_is_not_an_id()
    {
        // lychee fixtures/text_fragments/should-match.html: every link is to index.html with only a directive.
        Assert.Empty(CheckFolder(("should-match.html", Peer("lychee/text_fragments/should-match.html")), ("index.html", "<p>rutrum</p>")));
        // The id before a directive is still checked.
        var problem = Assert.Single(Check(Page("index.html", """<h2 id="intro">x</h2><a href="#intro:~:text=x">ok</a> <a href="#outro:~:text=x">bad</a>""")));
        Assert.Contains("id 'outro'", problem.Message);
    }

    [Fact]
    public void An_empty_href_is_the_page_itself_not_a_broken_link()
    {
        // html-proofer "allows empty href on link elements".
        Assert.Empty(CheckFolder(("index.html", Peer("html-proofer/links/head_link_href_empty.html"))));
        Assert.Empty(Check(Page("index.html", """<a href="">self</a> <a href="  ">self</a> <area href=""> <link rel="canonical" href="">""")));
    }

    [Fact]
    public void An_img_without_src_or_srcset_is_an_error()
    {
        // html-proofer "fails for image with no src": `<img alt="A broken image" src="" />`.
        var error = Assert.Single(CheckFolder(("index.html", Peer("html-proofer/images/missing_image_src.html"))));
        Assert.Contains("index.html(5,", error);
        Assert.Contains("RG0305", error);

        var problems = Check(Page("index.html", "<img alt=\"none\">\n<img>\n<img src=\"\" srcset=\"/a.png 2x\" alt=\"\"> <img srcset=\" , \" alt=\"\">"), Asset("a.png"));
        Assert.Equal([(1, 1), (2, 1), (3, 40)], problems.Select(p => (p.Line, p.Column)));
        Assert.All(problems, p => Assert.Equal(Codes.ImageWithoutSource, p.Code));
    }
}
