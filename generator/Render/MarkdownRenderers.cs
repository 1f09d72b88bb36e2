using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RoadmapGen.Load;
using RoadmapGen.Render.Highlighting;

namespace RoadmapGen.Render;

/// <summary>One Markdig renderer per thread, set up once: building one per body was a fifth of Render's allocations.</summary>
internal sealed class MarkdownPageRenderer
{
    [ThreadStatic] private static MarkdownPageRenderer? t_renderer;

    public static MarkdownPageRenderer ForThisThread => t_renderer ??= new MarkdownPageRenderer();

    private readonly StringWriter _writer = new();
    private readonly ReusableHtmlRenderer _renderer;
    private readonly PrefixedHeadingRenderer _headings = new();
    private readonly List<RenderedHtmlCheck.Origin> _origins = new();
    private int _lineOffset;
    private readonly Highlighting.CodeBlockRenderer _code = new();

    private MarkdownPageRenderer()
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
internal sealed class ReusableHtmlRenderer(TextWriter writer) : HtmlRenderer(writer)
{
    public void Clear() => Reset();
}

/// <summary>Links to other sites get <c>rel="noopener noreferrer"</c>; links within the site do not need it.</summary>
internal sealed class ExternalRelLinkRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        Rel = !link.IsImage && link.Url is { } url && UrlSafety.IsHttpUrl(url) ? "noopener noreferrer" : null;
        base.Write(renderer, link);
    }
}

/// <summary>Writes a heading; with a prefix, a prefixed copy of its attributes (the heading itself keeps its id).</summary>
internal sealed class PrefixedHeadingRenderer : HeadingRenderer
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
