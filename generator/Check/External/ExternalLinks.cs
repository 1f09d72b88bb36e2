using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using RoadmapGen.Render;

namespace RoadmapGen.Check.External;

/// <summary>One absolute http(s) link on a page, with where it stands and what the page is called.</summary>
public sealed record ExternalLinkUse(string PagePath, string DisplayPath, string PageTitle, string Url, string Key, int Line, int Column);

/// <summary>Finds the links to other sites in a folder of pages: every <c>a[href]</c> that is an absolute http(s) URL.</summary>
public static class ExternalLinks
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    /// <param name="siteUrl">The site's own address: links to it are internal and checked without the network.</param>
    public static List<ExternalLinkUse> Collect(IReadOnlyList<OutputFile> files, Func<OutputFile, string> displayPath, string? siteUrl)
    {
        var own = siteUrl is { Length: > 0 } ? Routes.PublishedRoot(siteUrl) : null;
        var perPage = new List<ExternalLinkUse>[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var page = files[i];
            perPage[i] = [];
            if (!page.IsHtml) return;
            var document = new HtmlParser(Options).ParseDocument(page.Html!);
            var title = PageTitle(document, page.Path);
            foreach (var anchor in document.QuerySelectorAll("a[href]"))
            {
                var href = anchor.GetAttribute("href")!.Trim();
                if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0) continue;
                if (own is not null && (href + "/").StartsWith(own, StringComparison.OrdinalIgnoreCase)) continue;
                var position = anchor.SourceReference?.Position;
                perPage[i].Add(new ExternalLinkUse(page.Path, displayPath(page), title, href, ExternalLinkChecker.Key(uri),
                    position?.Line ?? 0, position?.Column ?? 0));
            }
        });
        return perPage.SelectMany(p => p).ToList();
    }

    /// <summary>A RoadmapGen page names its topic in its one &lt;h1&gt;; other generators' pages fall back to &lt;title&gt;.</summary>
    private static string PageTitle(IDocument document, string path)
    {
        var text = document.QuerySelector("main h1, h1")?.TextContent;
        if (string.IsNullOrWhiteSpace(text)) text = document.Title;
        return string.IsNullOrWhiteSpace(text) ? path : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
