using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RoadmapGen.Load;
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
    public static (TrustedHtml Html, List<LinkOrigin> Origins) Render(MarkdownBody body, string sourcePath,
        Func<string, string?> urlOfSource, string? idPrefix = null)
    {
        var rewritten = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in body.ContentLinks)
        {
            if (link.Link.Url is { } original && urlOfSource(link.TargetSourcePath) is { } url)
                rewritten[original] = url + (string.IsNullOrEmpty(link.Fragment) ? "" : "#" + link.Fragment);
        }
        string Rewrite(string url) =>
            rewritten.TryGetValue(url, out var page) ? page
            : idPrefix is not null && url.Length > 1 && url[0] == '#' ? "#" + idPrefix + "--" + url[1..]
            : url;

        var origins = new List<LinkOrigin>();
        foreach (var link in body.Document.Descendants<LinkInline>())
        {
            if (string.IsNullOrEmpty(link.Url)) continue;
            origins.Add(new LinkOrigin(Rewrite(link.Url), sourcePath, link.Line + body.LineOffset + 1, link.Column + 1));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { LinkRewriter = Rewrite };
        MarkdownParser.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new ExternalRelLinkRenderer());
        if (idPrefix is not null) renderer.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new PrefixedHeadingRenderer(idPrefix));
        renderer.Render(body.Document);
        writer.Flush();
        return (new TrustedHtml(writer.ToString()), origins);
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

    /// <summary>Writes a heading with a prefixed copy of its attributes; the heading itself keeps its id.</summary>
    private sealed class PrefixedHeadingRenderer(string prefix) : HtmlObjectRenderer<HeadingBlock>
    {
        protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
        {
            var tag = "h" + Math.Clamp(heading.Level, 1, 6);
            var attributes = new HtmlAttributes();
            heading.TryGetAttributes()?.CopyTo(attributes);
            if (attributes.Id is { } id) attributes.Id = prefix + "--" + id;
            renderer.Write('<').Write(tag).WriteAttributes(attributes).Write('>');
            renderer.WriteLeafInline(heading);
            renderer.Write("</").Write(tag).WriteLine('>');
            renderer.EnsureLine();
        }
    }
}
