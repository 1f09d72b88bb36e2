using AngleSharp.Html.Parser;
using RoadmapGen.Diagnostics;
using RoadmapGen.Render;

namespace RoadmapGen.Tests.Templates;

/// <summary>The sanitizer behind Load's allow-list: what Markdig writes passes untouched; anything else is removed and reported.</summary>
public class SafetyNetTests
{
    [Fact]
    public void Markup_the_markdown_pipeline_writes_passes_through_unchanged()
    {
        const string html = "<h2 id=\"key-ideas\">Key ideas</h2>\n<p><a href=\"https://example.com\" rel=\"noopener noreferrer\">x</a> <a href=\"/backend/http/#status-codes\">y</a> <code>z</code> <kbd>Ctrl</kbd> <a href=\"mailto:a@example.com\">m</a></p>\n"
            + "<ul class=\"contains-task-list\">\n<li class=\"task-list-item\"><input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" /> done</li>\n</ul>\n"
            + "<pre><code class=\"language-sql\">SELECT 1 &lt; 2;\n</code></pre>\n<table>\n<thead>\n<tr>\n<th style=\"text-align: right;\">n</th>\n</tr>\n</thead>\n</table>\n"
            + "<p><a href=\"#fn:1\" class=\"footnote-ref\" id=\"fnref:1\"><sup>1</sup></a> <img src=\"diagram.png\" alt=\"a diagram\" /></p>\n";
        var diagnostics = new DiagnosticBag();

        Assert.Same(html, SafetyNet.Check(html, "content/x.md", FileSpan.At(7, 1), diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }

    [Theory]
    [InlineData("<p><img src=\"x.png\" onerror=\"alert(1)\" /></p>", "onerror")]
    [InlineData("<p>a</p><script>alert(1)</script>", "script")]
    [InlineData("<p><a href=\"javascript:alert(1)\">x</a></p>", "href")]
    [InlineData("<p><a href=\"java&#x09;script:alert(1)\">x</a></p>", "href")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "iframe")]
    [InlineData("<p><span style=\"background:url(javascript:x)\">x</span></p>", "background")]
    [InlineData("<svg><use href=\"data:image/svg+xml,x\"></use></svg>", "svg")]
    public void Anything_else_is_removed_before_a_reader_sees_it_and_fails_the_build(string html, string named)
    {
        var diagnostics = new DiagnosticBag();

        var clean = SafetyNet.Check(html, "content/x.md", FileSpan.At(7, 1), diagnostics);

        var page = new HtmlParser().ParseDocument(clean);
        Assert.Empty(page.Scripts);
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal)
            || a.Value.Contains("script:", StringComparison.OrdinalIgnoreCase) || a.Name == "style" && a.Value.Contains("url("));
        Assert.Null(page.QuerySelector("iframe, svg"));
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal((Codes.SanitizerRemoved, "content/x.md", 7), (error.Code, error.File, error.Line));
        Assert.Contains(named, error.Message);
    }
}
