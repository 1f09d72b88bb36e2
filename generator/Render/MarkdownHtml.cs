using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>Renders a loaded Markdown body to HTML, turning links to content files into page URLs.</summary>
public static class MarkdownHtml
{
    public static (string Html, List<LinkOrigin> Origins) Render(MarkdownBody body, string sourcePath, Func<string, string?> urlOfSource)
    {
        foreach (var link in body.ContentLinks)
        {
            var url = urlOfSource(link.TargetSourcePath);
            if (url is not null) link.Link.Url = url + (string.IsNullOrEmpty(link.Fragment) ? "" : "#" + link.Fragment);
        }
        var origins = new List<LinkOrigin>();
        foreach (var link in body.Document.Descendants<LinkInline>())
        {
            if (string.IsNullOrEmpty(link.Url)) continue;
            if (!link.IsImage && UrlSafety.IsHttpUrl(link.Url))
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
            origins.Add(new LinkOrigin(link.Url, sourcePath, link.Line + body.LineOffset + 1, link.Column + 1));
        }
        return (body.Document.ToHtml(MarkdownParser.Pipeline), origins);
    }
}
