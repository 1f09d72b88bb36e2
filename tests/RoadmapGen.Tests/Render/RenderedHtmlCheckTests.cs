using AngleSharp.Html.Parser;
using Markdig;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;

namespace RoadmapGen.Tests.Render;

/// <summary>
/// The check of the rendered HTML on its own: bodies are parsed with the site's pipeline but
/// without Load's source checks, as if Load had a gap, and rendered through the one entry point
/// every page uses. Each bypass must be refused at the Markdown line that wrote it, and never
/// reach the returned HTML.
/// </summary>
public class RenderedHtmlCheckTests
{
    private const string File = "content/roadmaps/backend/topics/x.md";
    private const int FrontMatterLines = 5;

    private static MarkdownBody Unchecked(string markdown) => new()
    {
        Document = Markdown.Parse(markdown, MarkdownParser.Pipeline), LineOffset = FrontMatterLines,
        ContentLinks = [], Headings = [], PlainText = "", RawHtml = FileSpan.At(1, 1), SourceHash = "test",
    };

    private static (string Html, IReadOnlyList<Diagnostic> Diagnostics) Render(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var (html, _) = MarkdownHtml.Render(Unchecked(markdown), File, _ => null, diagnostics);
        return (html.ToString(), diagnostics.Sorted());
    }

    /// <summary>Nothing a browser would run or load from elsewhere: no script, handler, foreign content, frame or unsafe URL.</summary>
    private static void AssertInert(string html)
    {
        var page = new HtmlParser().ParseDocument("<body>" + html);
        Assert.Empty(page.Scripts);
        Assert.Null(page.QuerySelector("svg, math, iframe, object, embed, style, form, base, meta, link"));
        foreach (var attribute in page.All.SelectMany(e => e.Attributes))
        {
            Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"handler {attribute.Name} in {html}");
            if (attribute.Name is "href" or "src")
            {
                Assert.Null(UrlSafety.DisallowedScheme(attribute.Value));
                Assert.False(UrlSafety.NamesAnotherHost(attribute.Value), $"{attribute.Value} in {html}");
            }
        }
    }

    [Theory]
    // An HTML block that starts with a comment: the script after it is one block with it.
    [InlineData("Intro.\n\n<!-- note --><script>alert(1)</script>\n", 3, "<script>")]
    [InlineData("Intro.\n\n<!-- note -->\n<iframe src=\"https://evil.example\"></iframe>\n", 4, "<iframe>")]
    // Case.
    [InlineData("Intro.\n\n<ScRiPt>alert(1)</sCrIpT>\n", 3, "<script>")]
    [InlineData("Text <KBD ONCLICK=\"alert(1)\">k</KBD>\n", 1, "'onclick'")]
    // Entities in attribute names' values and text.
    [InlineData("<div>\n<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>\n</div>\n", 2, "'javascript:'")]
    // Control characters and whitespace inside the scheme.
    [InlineData("<div>\n<a href=\"java&#x09;script:alert(1)\">x</a>\n</div>\n", 2, "'javascript:'")]
    [InlineData("<div>\n<a href=\"&#x01; javascript:alert(1)\">x</a>\n</div>\n", 2, "'javascript:'")]
    [InlineData("<div>\n<scr\0ipt>alert(1)</scr\0ipt>\n</div>\n", 2, "not allowed")]
    [InlineData("<div>\n<a href=\"\u0001javascript:alert(1)\">x</a>\n</div>\n", 2, "'javascript:'")]
    // Foreign content.
    [InlineData("<svg><script>alert(1)</script></svg>\n", 1, "SVG and MathML")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n", 1, "SVG and MathML")]
    // javascript: in links, images, autolinks and reference definitions.
    [InlineData("Read [this](javascript:alert(1)).\n", 1, "'javascript:'")]
    [InlineData("Read [this](&#106;avascript:alert(1)).\n", 1, "'javascript:'")]
    [InlineData("Read [this](<java\tscript:alert(1)>).\n", 1, "'javascript:'")]
    [InlineData("See ![diagram](JAVASCRIPT:alert(1)).\n", 1, "'javascript:'")]
    [InlineData("Go <javascript:alert(1)>.\n", 1, "'javascript:'")]
    [InlineData("Intro.\n\nRead [this][r].\n\n[r]: javascript:alert(1)\n", 3, "'javascript:'")]
    [InlineData("Read [this](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).\n", 1, "'data:'")]
    [InlineData("See ![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=).\n", 1, "'data:'")]
    // Another host without a scheme.
    [InlineData("Read [this](//evil.example/x).\n", 1, "another site")]
    [InlineData("<div>\n<a href=\"/\\evil.example\">x</a>\n</div>\n", 2, "another site")]
    [InlineData("<div>\n<a href=\" \\\\evil.example\">x</a>\n</div>\n", 2, "another site")]
    [InlineData("Intro.\n\n<kbd>\n<img src=\"https://evil.example/x.png\">\n</kbd>\n", 4, "another site")]
    // Markup that would break out of the page around the body, or swallow the rest of it.
    [InlineData("Intro.\n\n</div></main>\n", 3, "did not open")]
    [InlineData("Intro.\n\n<!-- never closed\n", 4, "not closed")]
    public void Hostile_markup_is_refused_at_its_line_and_never_reaches_the_page(string markdown, int bodyLine, string named)
    {
        var (html, diagnostics) = Render(markdown);

        AssertInert(html);
        var error = Assert.Single(diagnostics, d => d.Message.Contains(named, StringComparison.Ordinal));
        Assert.True(error.Code is Codes.UnsafeHtml or Codes.UnsafeUrl or Codes.ExternalImage, error.ToString());
        Assert.Equal((File, FrontMatterLines + bodyLine), (error.File, error.Line));
    }

    [Fact]
    public void An_image_from_another_site_is_refused_because_the_pages_would_not_load_it()
    {
        var (html, diagnostics) = Render("Intro.\n\nSee ![x](https://evil.example/x.png).\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((Codes.ExternalImage, FrontMatterLines + 3, 5), (error.Code, error.Line, error.Column));
        Assert.DoesNotContain("evil.example", html);
    }

    [Theory]
    [InlineData("Read [this](\\\\\\\\evil.example/x).\n")]
    [InlineData("See ![x](/\\\\evil.example/x.png).\n")]
    [InlineData("## \"><script>alert(1)</script>\n")]
    [InlineData("Text &lt;script&gt;alert(1)&lt;/script&gt; and &#60;img src=x onerror=alert(1)&#62;\n")]
    [InlineData("| a | b |\n|---|---|\n| <kbd onclick=x>k</kbd> | `<script>` |\n")]
    [InlineData("Note[^n].\n\n[^n]: [x](javascript:alert(1)) <script>alert(1)</script>\n")]
    [InlineData("*<b onmouseover=alert(1)>x</b>*\n")]
    public void Routes_that_markdown_escapes_or_the_check_refuses_stay_inert(string markdown)
    {
        var (html, _) = Render(markdown);

        AssertInert(html);
    }

    [Fact]
    public void A_code_block_language_cannot_close_its_attribute()
    {
        var (html, diagnostics) = Render("```\"><script>alert(1)</script>\nselect 1;\n```\n");

        AssertInert(html);
        Assert.Contains(diagnostics, d => d.Code == Codes.UnsafeHtml && d.Line == FrontMatterLines + 1 && d.Message.Contains("class"));
    }

    [Fact]
    public void Everything_the_markdown_pipeline_writes_passes_untouched()
    {
        const string markdown = """
            # Title

            Some *em*, **strong**, ~~del~~, ==mark==, ++ins++, H~2~O, x^2^, `code`, <kbd title="key">Ctrl</kbd> <abbr title="HyperText">HTML</abbr>,
            a [link](https://example.com "title"), a [relative one](../http/#status), <https://example.com>, <mailto:a@example.com>, [fn][^1].

            ![a diagram](diagram.png "Diagram")

            - [x] done
            - [ ] open

            3. three
            4. four

            a. alpha
            b. beta

            | left | centre | right |
            |:-----|:------:|------:|
            | 1    | 2      | 3     |

            Term
            :   Definition

            > quoted

            ```sql
            SELECT 1 < 2;
            ```

            ---

            [^1]: The footnote.
            """;
        var (html, diagnostics) = Render(markdown);

        // No diagnostic: the first line refused nothing, and the sanitizer behind it removed nothing.
        Assert.Empty(diagnostics);
        Assert.Contains("<table>", html);
        Assert.Contains("footnote-ref", html);
        Assert.Contains("task-list-item", html);
        Assert.Contains("<dl>", html);
    }

    [Fact]
    public void A_gap_in_the_first_line_is_caught_by_the_sanitizer_behind_it()
    {
        const string markdown = "Intro.\n\n<!-- note --><img src=\"x.png\" onerror=\"alert(1)\"><script>alert(2)</script>\n";
        var body = Unchecked(markdown);
        var diagnostics = new DiagnosticBag();
        var html = Markdown.ToHtml(markdown, MarkdownParser.Pipeline);

        var guarded = SafetyNet.Guard(html, [], body, File, diagnostics, firstLine: false);

        AssertInert(guarded);
        Assert.DoesNotContain("alert", guarded);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal((Codes.SanitizerRemoved, File), (error.Code, error.File));
        Assert.Contains("onerror", error.Message);
    }

    [Fact]
    public void What_load_already_reported_is_cleaned_but_not_reported_twice()
    {
        var body = new MarkdownBody
        {
            Document = Markdown.Parse("<script>alert(1)</script>\n", MarkdownParser.Pipeline), LineOffset = 0,
            ContentLinks = [], Headings = [], PlainText = "", RawHtml = FileSpan.At(1, 1), RefusedAtLoad = true, SourceHash = "test",
        };
        var diagnostics = new DiagnosticBag();

        var (html, _) = MarkdownHtml.Render(body, File, _ => null, diagnostics);

        AssertInert(html.ToString());
        Assert.Empty(diagnostics.Sorted());
    }
    [Fact]
    public void A_body_refused_on_its_own_page_is_cleaned_on_the_whole_roadmap_page_too()
    {
        var body = Unchecked("## Setup\n\nSee [below](#setup).\n\n<img src=\"x.png\" onerror=\"alert(1)\">\n");
        var diagnostics = new DiagnosticBag();

        var (own, _) = MarkdownHtml.Render(body, File, _ => null, diagnostics);
        var (section, _) = MarkdownHtml.Render(body, File, _ => null, diagnostics, idPrefix: "x");

        AssertInert(own.ToString());
        AssertInert(section.ToString());
        Assert.Contains("id=\"x--setup\"", section.ToString());
        Assert.Contains(diagnostics.Sorted(), d => d.IsError && d.Message.Contains("onerror", StringComparison.Ordinal));
    }

    /// <summary>
    /// A whole-roadmap section is not checked again when the same body passed without a prefix:
    /// the prefix only renames heading ids and "#…" links. Every body of the real content, and
    /// bodies with each kind of id and fragment the renderer writes, pass both lines with the
    /// prefix too.
    /// </summary>
    [Fact]
    public void Whole_roadmap_sections_of_bodies_that_passed_pass_both_checks_they_skip()
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(TestPaths.Content, diagnostics)!;
        var bodies = site.Roadmaps.SelectMany(r => r.Topics).Select(t => (Body: t.Body, Prefix: t.Slug)).ToList();
        bodies.Add((Unchecked("# Title {#custom-id}\n\n## Key ideas\n\n[up](#key-ideas) [odd](#a:b) [spaced](<#a b>) ![pic](#pic)[^1]\n\n"
            + "<kbd title=\"#x\">k</kbd> <abbr title=\"javascript:x\">j</abbr>\n\n- [x] done\n\n[^1]: A note [back](#title).\n"), "a-1"));
        Assert.True(bodies.Count > 90);

        foreach (var (body, prefix) in bodies)
        {
            var own = new DiagnosticBag();
            MarkdownHtml.Render(body, File, _ => null, own);
            Assert.Empty(own.Sorted());
            var (section, _) = MarkdownHtml.Render(body, File, _ => null, own, idPrefix: prefix);
            var html = section.ToString();

            Assert.Empty(RenderedHtmlCheck.Check(html, []));
            Assert.Same(html, SafetyNet.Check(html, File, FileSpan.At(1, 1), own));
            Assert.Empty(own.Sorted());
        }
    }
}
