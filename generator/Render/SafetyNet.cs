using Ganss.Xss;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>
/// Rendered Markdown passes two lines before it reaches a page. The first,
/// <see cref="RenderedHtmlCheck"/>, refuses at its Markdown line anything off the allow-list.
/// The second is a real sanitizer: the first line should leave it nothing to do; if it removes
/// anything, the first has a gap: the build fails (RG0126) and the page gets the sanitized HTML,
/// so even a preview never shows what slipped through.
/// </summary>
public static class SafetyNet
{
    /// <summary>
    /// Checks and, if need be, cleans the HTML rendered from <paramref name="body"/>: every
    /// Markdown field of the site is rendered through <see cref="MarkdownHtml.Render"/> and so
    /// comes here.
    /// </summary>
    /// <param name="firstLine">Off only in tests, to prove the second line catches what the first misses.</param>
    /// <param name="reuse">
    /// Whether this very HTML passed before: both lines' verdicts are functions of the HTML alone
    /// (only a problem's position needs the origins), so HTML that passed untouched passes again.
    /// </param>
    public static string Guard(string html, IReadOnlyList<RenderedHtmlCheck.Origin> origins, MarkdownBody body, string sourcePath,
        DiagnosticBag diagnostics, bool firstLine = true, IRenderReuse? reuse = null) =>
        firstLine && reuse is not null
            ? reuse.Guarded(html, sanitized: body.RawHtml is not null, () => BothLines(html, origins, body, sourcePath, diagnostics, firstLine: true))
            : BothLines(html, origins, body, sourcePath, diagnostics, firstLine);

    private static string BothLines(string html, IReadOnlyList<RenderedHtmlCheck.Origin> origins, MarkdownBody body, string sourcePath,
        DiagnosticBag diagnostics, bool firstLine)
    {
        var problems = firstLine ? RenderedHtmlCheck.Check(html, origins) : [];
        // The sanitizer (a DOM parse and CSS parse per body) runs where markup Markdig did not
        // write can be: bodies with raw HTML. On 1,000 synthetic topics it cost 2.8 s of CPU per
        // build over all bodies, 0.4 s for the tokenizer check alone; the tokenizer check covers
        // every body, so a body without raw HTML holds only allow-listed renderer output.
        if (problems.Count == 0) return body.RawHtml is { } raw ? Check(html, sourcePath, raw, diagnostics) : html;
        // Load already reported what it refused, more precisely; a second report would only repeat it.
        if (!body.RefusedAtLoad)
        {
            foreach (var problem in problems) diagnostics.Error(problem.Code, sourcePath, problem.Span, problem.Message);
        }
        // Fail closed: the build fails, and even a preview shows only the sanitized HTML.
        var (sanitizer, removed) = Sanitizer();
        var clean = sanitizer.Sanitize(html, "https://site.invalid/");
        removed.Clear();
        return clean;
    }

    [ThreadStatic] private static (HtmlSanitizer Sanitizer, List<string> Removed)? t_sanitizer;

    private static (HtmlSanitizer Sanitizer, List<string> Removed) Sanitizer()
    {
        if (t_sanitizer is { } made) return made;
        var removed = new List<string>();
        // Exactly the policy the first layer checks, not the sanitizer's wider defaults: the two
        // layers then disagree only where the first has a gap, which is what RG0126 reports.
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(HtmlPolicy.RenderedElements.Keys, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(HtmlPolicy.RenderedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(HtmlPolicy.UrlSchemes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(HtmlPolicy.CssProperties, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        });
        // The sanitizer knows schemes, not hosts: "//evil.example" and external images are Load's rules, applied here too.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (UrlSafety.Problem(e.OriginalUrl, isImage: e.Tag.LocalName == "img") is not null) e.SanitizedUrl = null;
        };
        sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.LocalName}> ({e.Reason})");
        sanitizer.RemovingAttribute += (_, e) => removed.Add($"the attribute '{e.Attribute.Name}' of <{e.Tag.LocalName}> ({e.Reason})");
        sanitizer.RemovingStyle += (_, e) => removed.Add($"the style '{e.Style.Name}' of <{e.Tag.LocalName}> ({e.Reason})");
        sanitizer.RemovingAtRule += (_, e) => removed.Add($"a CSS at-rule in <{e.Tag.LocalName}>");
        sanitizer.RemovingCssClass += (_, e) => removed.Add($"the class '{e.CssClass}' of <{e.Tag.LocalName}> ({e.Reason})");
        t_sanitizer = (sanitizer, removed);
        return t_sanitizer.Value;
    }

    /// <returns>The HTML unchanged when the sanitizer finds nothing to remove; else the sanitized HTML, with an error at the file.</returns>
    /// <param name="rawHtml">Where the body's raw HTML is, the only text that can hold what the sanitizer removes.</param>
    public static string Check(string html, string sourcePath, FileSpan rawHtml, DiagnosticBag diagnostics)
    {
        var (sanitizer, removed) = Sanitizer();
        removed.Clear();
        var clean = sanitizer.Sanitize(html, "https://site.invalid/");
        if (removed.Count == 0) return html;
        diagnostics.Error(Codes.SanitizerRemoved, sourcePath, rawHtml,
            $"the rendered page had to be cleaned: {string.Join("; ", removed.Distinct())} was removed. The content checks should have refused it at its line: please report this, and use plain Markdown here meanwhile");
        return clean;
    }
}
