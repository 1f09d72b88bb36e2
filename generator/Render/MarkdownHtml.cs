using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render.Highlighting;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Render;

/// <summary>
/// Renders a loaded Markdown body to HTML without touching the loaded document: links to
/// content files become page URLs, and heading ids get a prefix, as they are written.
/// </summary>
public static class MarkdownHtml
{
    /// <param name="idPrefix">
    /// On the whole-roadmap page every topic shares one document, so heading ids ("key-ideas")
    /// and the links to them get the topic's slug in front ("http--key-ideas") to stay unique.
    /// </param>
    /// <param name="pageUrl">The body's own page: relative links and images are written against it, so they read the same on every page that shows the body.</param>
    /// <param name="highlighter">The build's highlighter for code blocks; without one, code is written plain.</param>
    public static RenderedMarkdown Render(MarkdownBody body, string sourcePath,
        Func<string, string?> urlOfSource, DiagnosticBag diagnostics, string? idPrefix = null, string? pageUrl = null,
        CodeHighlighter? highlighter = null) =>
        Render(new MarkdownInput(body, sourcePath, idPrefix, pageUrl, urlOfSource), diagnostics, highlighter);

    /// <param name="passedWithoutPrefix">
    /// The same body with the same links rendered without a prefix passed both lines of
    /// <see cref="SafetyNet"/> untouched. With a prefix it differs only in heading ids and "#…"
    /// links, each given the prefix (a slug: [a-z0-9-]) and "--": no element, attribute name, URL
    /// scheme or host changes, so neither line could find something new, and the whole-roadmap
    /// page does not pay for a second check of every body.
    /// </param>
    /// <param name="reuse">Where the safety net's earlier verdicts are (the memo layer's); none checks every body.</param>
    public static RenderedMarkdown Render(MarkdownInput input, DiagnosticBag diagnostics, CodeHighlighter? highlighter, bool passedWithoutPrefix = false,
        IRenderReuse? reuse = null)
    {
        var (body, sourcePath, idPrefix, pageUrl, urlOfSource) = input;
        var rewritten = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in body.ContentLinks)
        {
            if (link.Link.Url is { } original && input.UrlOf(link) is { } url)
                rewritten[original] = url;
        }
        // On the whole-roadmap page a relative link or image ("diagram.png", "../x/") would resolve
        // against that page, not the topic's: it is written against the topic's page on both.
        string Rewrite(string url) =>
            rewritten.TryGetValue(url, out var page) ? page
            : idPrefix is not null && url.Length > 1 && url[0] == '#' ? "#" + idPrefix + "--" + url[1..]
            : pageUrl is not null && url.Length > 0 && url[0] is not ('/' or '#') && !UrlSafety.HasScheme(url) ? AgainstPage(pageUrl, url)
            : url;

        var origins = new List<LinkOrigin>();
        foreach (var link in body.Document.Descendants<LinkInline>())
        {
            if (string.IsNullOrEmpty(link.Url)) continue;
            origins.Add(new LinkOrigin(Rewrite(link.Url), sourcePath, link.Line + body.LineOffset + 1, link.Column + 1));
        }

        var ids = new List<IdOrigin>();
        foreach (var heading in body.Document.Descendants<HeadingBlock>())
        {
            if (heading.TryGetAttributes()?.Id is { Length: > 0 } id)
                ids.Add(new IdOrigin(idPrefix is null ? id : idPrefix + "--" + id, sourcePath, heading.Line + body.LineOffset + 1, heading.Column + 1));
        }

        var renderer = MarkdownPageRenderer.ForThisThread;
        var (html, written) = renderer.Render(body.Document, body.LineOffset, Rewrite, idPrefix, highlighter);
        if (idPrefix is not null && Slug.IsValid(idPrefix) && passedWithoutPrefix)
            return new RenderedMarkdown(new TrustedHtml(html), origins, PassedGuard: true) { Ids = ids };
        // The one gate between rendered Markdown and a page: whatever renderer wrote it.
        var guarded = SafetyNet.Guard(html, written, body, sourcePath, diagnostics, reuse: reuse);
        // Guard hands back the very string it was given only when neither line found anything.
        return new RenderedMarkdown(new TrustedHtml(guarded), origins, PassedGuard: ReferenceEquals(guarded, html)) { Ids = ids };
    }

    private static readonly Uri SiteRoot = new("http://site.invalid");

    private static string AgainstPage(string pageUrl, string url)
    {
        var resolved = new Uri(new Uri(SiteRoot, pageUrl), url);
        return resolved.PathAndQuery + resolved.Fragment;
    }
}
