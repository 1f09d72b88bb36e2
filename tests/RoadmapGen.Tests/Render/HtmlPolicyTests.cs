using RoadmapGen.Core;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;

namespace RoadmapGen.Tests.Render;

/// <summary>
/// The three safety layers read one policy: what one allows, the others allow, so a contributor
/// never writes HTML that Load accepts and the page check or the sanitizer then refuses; and what
/// the policy leaves out, every layer refuses.
/// </summary>
public class HtmlPolicyTests
{
    public static TheoryData<string, string> RawMarkup()
    {
        var data = new TheoryData<string, string>();
        foreach (var element in HtmlPolicy.RawElements)
        foreach (var attribute in HtmlPolicy.RawAttributes)
            data.Add(element, attribute);
        return data;
    }

    [Theory]
    [MemberData(nameof(RawMarkup))]
    public void Raw_html_the_policy_allows_passes_every_layer(string element, string attribute)
    {
        var html = element == "br" ? $"<br {attribute}=\"a note\">" : $"<{element} {attribute}=\"a note\">text</{element}>";
        var diagnostics = new DiagnosticBag();

        Assert.True(SafeHtml.Check(html, "content/x.md", FileSpan.At(3, 1), diagnostics));
        var rendered = $"<p>{html}</p>\n";
        Assert.Empty(RenderedHtmlCheck.Check(rendered, []));
        Assert.Same(rendered, SafetyNet.Check(rendered, "content/x.md", FileSpan.At(3, 1), diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }

    public static TheoryData<string, string> RenderedMarkup()
    {
        var data = new TheoryData<string, string>();
        foreach (var (element, attributes) in HtmlPolicy.RenderedElements)
        {
            data.Add(element, "");
            foreach (var attribute in attributes) data.Add(element, attribute);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RenderedMarkup))]
    public void Markup_the_policy_allows_after_rendering_passes_the_check_and_the_sanitizer(string element, string attribute)
    {
        var html = InContext(element, attribute.Length == 0 ? "" : $" {attribute}=\"{Sample(element, attribute)}\"");
        var diagnostics = new DiagnosticBag();

        Assert.Empty(RenderedHtmlCheck.Check(html, []));
        Assert.Same(html, SafetyNet.Check(html, "content/x.md", FileSpan.At(3, 1), diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }

    [Theory]
    [InlineData("<u>underlined</u>")]
    [InlineData("<font color=\"red\">old</font>")]
    [InlineData("<details><summary>more</summary>hidden</details>")]
    [InlineData("<form action=\"https://example.com/\"><button>send</button></form>")]
    [InlineData("<abbr lang=\"en\">HTML</abbr>")]
    [InlineData("<kbd dir=\"rtl\">Ctrl</kbd>")]
    public void Markup_outside_the_policy_is_refused_by_every_layer(string html)
    {
        var diagnostics = new DiagnosticBag();

        Assert.False(SafeHtml.Check(html, "content/x.md", FileSpan.At(3, 1), diagnostics));
        var rendered = $"<p>{html}</p>\n";
        Assert.NotEmpty(RenderedHtmlCheck.Check(rendered, []));
        Assert.NotSame(rendered, SafetyNet.Check(rendered, "content/x.md", FileSpan.At(3, 1), diagnostics));
        Assert.Contains(diagnostics.Sorted(), d => d.Code == Codes.SanitizerRemoved);
    }

    /// <summary>Where the HTML parser keeps the element: table parts in a table, items in their list.</summary>
    private static string InContext(string element, string attributes) => element switch
    {
        "table" => $"<table{attributes}><tbody><tr><td>1</td></tr></tbody></table>\n",
        "thead" or "tbody" => $"<table><{element}{attributes}><tr><td>1</td></tr></{element}></table>\n",
        "tr" => $"<table><tbody><tr{attributes}><td>1</td></tr></tbody></table>\n",
        "th" or "td" => $"<table><tbody><tr><{element}{attributes}>1</{element}></tr></tbody></table>\n",
        "li" => $"<ul><li{attributes}>one</li></ul>\n",
        "dt" or "dd" => $"<dl><{element}{attributes}>term</{element}></dl>\n",
        "br" or "hr" or "img" or "input" => $"<p><{element}{attributes} /></p>\n",
        _ => $"<div><{element}{attributes}>text</{element}></div>\n",
    };

    /// <summary>A value the check accepts: the policy names attributes, and the check also limits some values.</summary>
    private static string Sample(string element, string attribute) => (element, attribute) switch
    {
        (_, "class") => "code-block",
        (_, "style") => "text-align: right;",
        (_, "tabindex") => "0",
        (_, "role") => "region",
        (_, "rel") => "noopener noreferrer",
        ("input", "type") => "checkbox",
        ("ol", "type") => "a",
        (_, "start") => "3",
        (_, "href") => "/backend/http/",
        (_, "src") => "diagram.png",
        (_, "checked" or "disabled") => attribute,
        _ => "a-note",
    };
}
