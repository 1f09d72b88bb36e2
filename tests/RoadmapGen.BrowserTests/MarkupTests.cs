using AngleSharp.Html.Parser;
using RoadmapGen.BrowserTests.Infrastructure;

namespace RoadmapGen.BrowserTests;

/// <summary>
/// The built HTML itself: every page carries the strict CSP, and nothing in it would need the
/// CSP loosened. Read from the files, but part of this suite because it shares the built site.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class MarkupTests(SiteFixture site)
{
    [BrowserFact]
    public void Pages_have_a_strict_CSP_and_no_inline_script_style_or_event_handler()
    {
        var parser = new HtmlParser();
        var problems = new List<string>();
        var pages = Directory.GetFiles(site.OutDir, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length > 100, $"only {pages.Length} pages were built");
        foreach (var file in pages)
        {
            var name = Path.GetRelativePath(site.OutDir, file);
            var document = parser.ParseDocument(File.ReadAllText(file));
            var csp = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content") ?? "";
            if (!csp.Contains("script-src 'self'", StringComparison.Ordinal) || !csp.Contains("style-src 'self'", StringComparison.Ordinal))
                problems.Add($"{name}: CSP is '{csp}'");
            // JSON-LD and the scripts' words (JSON) are data, never run: the only script elements
            // without src a page may hold, and they must parse as JSON.
            problems.AddRange(document.QuerySelectorAll("script:not([src]):not([type='application/ld+json']):not([type='application/json']), style, [style]")
                .Select(e => $"{name}: inline {e.OuterHtml[..Math.Min(80, e.OuterHtml.Length)]}"));
            foreach (var data in document.QuerySelectorAll("script[type='application/ld+json'], script[type='application/json']"))
            {
                try { System.Text.Json.JsonDocument.Parse(data.TextContent).Dispose(); }
                catch (System.Text.Json.JsonException e) { problems.Add($"{name}: JSON data does not parse: {e.Message}"); }
            }
            problems.AddRange(document.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)))
                .Select(e => $"{name}: event handler attribute on <{e.LocalName}>"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }
}
