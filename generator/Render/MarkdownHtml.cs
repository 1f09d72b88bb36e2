using System.Runtime.CompilerServices;
using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
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
    /// <param name="urlOf">The URL a link to another content file leads to, its #fragment included; null leaves the link as written.</param>
    public static (TrustedHtml Html, List<LinkOrigin> Origins) Render(MarkdownBody body, string sourcePath,
        Func<ContentLink, string?> urlOf, DiagnosticBag diagnostics, string? idPrefix = null, string? pageUrl = null,
        CodeHighlighter? highlighter = null)
    {
        var rewritten = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in body.ContentLinks)
        {
            if (link.Link.Url is { } original && urlOf(link) is { } url)
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

        var renderer = t_renderer ??= new PageRenderer();
        var (html, written) = renderer.Render(body.Document, body.LineOffset, Rewrite, idPrefix, highlighter);
        var links = LinksKey(pageUrl, rewritten);
        if (idPrefix is not null && Slug.IsValid(idPrefix) && PassedWithoutPrefix.TryGetValue(body, out var passed) && passed.Links == links)
            return (new TrustedHtml(html), origins);
        // The one gate between rendered Markdown and a page: whatever renderer wrote it.
        var guarded = SafetyNet.Guard(html, written, body, sourcePath, diagnostics);
        // Guard hands back the very string it was given only when neither line found anything.
        if (idPrefix is null && ReferenceEquals(guarded, html)) PassedWithoutPrefix.AddOrUpdate(body, new Passed(links));
        return (new TrustedHtml(guarded), origins);
    }

    /// <summary>
    /// Bodies whose HTML without a prefix passed both lines of <see cref="SafetyNet"/> untouched,
    /// with the links they were rendered with. The same body with the same links and a prefix
    /// differs only in heading ids and "#…" links, each given the prefix (a slug: [a-z0-9-]) and
    /// "--": no element, attribute name, URL scheme or host changes, so neither line could find
    /// something new, and the whole-roadmap page does not pay for a second check of every body.
    /// </summary>
    private static readonly ConditionalWeakTable<MarkdownBody, Passed> PassedWithoutPrefix = new();

    private sealed record Passed(string Links);

    private static string LinksKey(string? pageUrl, Dictionary<string, string> rewritten)
    {
        if (rewritten.Count == 0) return pageUrl ?? "";
        var key = new StringBuilder(pageUrl);
        foreach (var (from, to) in rewritten) key.Append('\n').Append(from).Append('\n').Append(to);
        return key.ToString();
    }

    private static readonly Uri SiteRoot = new("http://site.invalid");

    private static string AgainstPage(string pageUrl, string url)
    {
        var resolved = new Uri(new Uri(SiteRoot, pageUrl), url);
        return resolved.PathAndQuery + resolved.Fragment;
    }

    [ThreadStatic] private static PageRenderer? t_renderer;

    /// <summary>One Markdig renderer per thread, set up once: building one per body was a fifth of Render's allocations.</summary>
    private sealed class PageRenderer
    {
        private readonly StringWriter _writer = new();
        private readonly ReusableHtmlRenderer _renderer;
        private readonly PrefixedHeadingRenderer _headings = new();
        private readonly List<RenderedHtmlCheck.Origin> _origins = new();
        private int _lineOffset;
        private readonly Highlighting.CodeBlockRenderer _code = new();

        public PageRenderer()
        {
            _renderer = new ReusableHtmlRenderer(_writer);
            MarkdownParser.Pipeline.Setup(_renderer);
            _renderer.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new ExternalRelLinkRenderer());
            _renderer.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(_headings);
            _renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.CodeBlockRenderer>(_code);
            // Where each node's HTML starts, so the check of the rendered HTML can name the
            // Markdown line (and column) that wrote a tag.
            _renderer.ObjectWriteBefore += (_, node) => _origins.Add(new RenderedHtmlCheck.Origin(
                _writer.GetStringBuilder().Length, node.Line + _lineOffset + 1, node.Column + 1, node is HtmlBlock));
        }

        public (string Html, RenderedHtmlCheck.Origin[] Origins) Render(MarkdownDocument document, int lineOffset,
            Func<string, string> rewrite, string? idPrefix, CodeHighlighter? highlighter)
        {
            _code.Highlighter = highlighter;
            _renderer.Clear();
            _origins.Clear();
            _lineOffset = lineOffset;
            _renderer.LinkRewriter = rewrite;
            _headings.Prefix = idPrefix;
            _renderer.Render(document);
            _writer.Flush();
            return (_writer.ToString(), _origins.ToArray());
        }
    }

    /// <summary>Markdig's own reset (what its renderer pool does between documents), made reachable.</summary>
    private sealed class ReusableHtmlRenderer(TextWriter writer) : HtmlRenderer(writer)
    {
        public void Clear() => Reset();
    }

    /// <summary>Links to other sites get <c>rel="noopener noreferrer"</c>; links within the site do not need it.</summary>
    private sealed class ExternalRelLinkRenderer : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            Rel = !link.IsImage && link.Url is { } url && UrlSafety.IsHttpUrl(url) ? "noopener noreferrer" : null;
            base.Write(renderer, link);
        }
    }

    /// <summary>Writes a heading; with a prefix, a prefixed copy of its attributes (the heading itself keeps its id).</summary>
    private sealed class PrefixedHeadingRenderer : HeadingRenderer
    {
        public string? Prefix { get; set; }

        protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
        {
            if (Prefix is null || heading.TryGetAttributes()?.Id is null)
            {
                base.Write(renderer, heading);
                return;
            }
            var tag = "h" + Math.Clamp(heading.Level, 1, 6);
            var attributes = new HtmlAttributes();
            heading.TryGetAttributes()!.CopyTo(attributes);
            attributes.Id = Prefix + "--" + attributes.Id;
            renderer.Write('<').Write(tag).WriteAttributes(attributes).Write('>');
            renderer.WriteLeafInline(heading);
            renderer.Write("</").Write(tag).WriteLine('>');
            renderer.EnsureLine();
        }
    }
}
