using System.Xml.Linq;

namespace RoadmapGen.Render;

public static class Sitemap
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// Sitemaps need absolute URLs; without a site URL in site.yml, page paths are listed as they are.
    /// Of the pages given, those the routes keep out of the sitemap (<see cref="Routes.InSitemap"/>) are left out.
    /// </summary>
    public static string Xml(string? siteUrl, Routes urls, IEnumerable<OutputFile> pages)
    {
        var root = new XElement(Ns + "urlset",
            pages.Where(p => urls.InSitemap(p.Path)).OrderBy(p => p.Path, StringComparer.Ordinal).Select(p =>
                new XElement(Ns + "url", new XElement(Ns + "loc", Absolute(siteUrl, urls, urls.UrlOf(p.Path))),
                    p.Updated is { } updated ? new XElement(Ns + "lastmod", Previews.Feed.Date(updated)) : null)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>
    /// The sitemap of a site in several languages: each page lists itself in every language
    /// (<c>xhtml:link rel="alternate" hreflang</c>), as search engines ask, so each language's page
    /// is found as the other's translation both ways.
    /// </summary>
    /// <param name="languages">Each language's code and routes, the source language first.</param>
    public static string Xml(string? siteUrl, Routes urls, IEnumerable<OutputFile> pages, IReadOnlyList<(string Code, Routes Urls)> languages)
    {
        // The language whose root is the longest that holds the URL is the page's own.
        Routes Own(string url) => languages.Where(l => url.StartsWith(l.Urls.Root, StringComparison.Ordinal)).MaxBy(l => l.Urls.Root.Length).Urls;
        var list = pages.Where(p => Own(urls.UrlOf(p.Path)).InSitemap(p.Path)).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        var paths = list.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        IEnumerable<XElement> Alternates(string url)
        {
            var own = Own(url);
            foreach (var (code, other) in languages)
            {
                var translated = own.Translate(url, other);
                if (paths.Contains(urls.OutputPath(translated)))
                    yield return new XElement(Xhtml + "link", new XAttribute("rel", "alternate"), new XAttribute("hreflang", code),
                        new XAttribute("href", Absolute(siteUrl, urls, translated)));
            }
        }
        var root = new XElement(Ns + "urlset", new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml.NamespaceName),
            list.Select(p => new XElement(Ns + "url", new XElement(Ns + "loc", Absolute(siteUrl, urls, urls.UrlOf(p.Path))),
                p.Updated is { } updated ? new XElement(Ns + "lastmod", Previews.Feed.Date(updated)) : null,
                Alternates(urls.UrlOf(p.Path)))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    public static string Robots(string? siteUrl, Routes urls) =>
        "User-agent: *\nAllow: /\n" + (siteUrl is null ? "" : $"Sitemap: {Absolute(siteUrl, urls, urls.Sitemap)}\n");

    private static string Absolute(string? siteUrl, Routes urls, string url) => urls.Absolute(siteUrl, url) ?? url;
}
