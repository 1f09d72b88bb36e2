using System.Xml.Linq;

namespace RoadmapGen.Render;

public static class Sitemap
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Sitemaps need absolute URLs; without a site URL in site.yml, page paths are listed as they are.</summary>
    public static string Xml(string? siteUrl, Routes urls, IEnumerable<OutputFile> pages)
    {
        var root = new XElement(Ns + "urlset",
            pages.OrderBy(p => p.Path, StringComparer.Ordinal).Select(p =>
                new XElement(Ns + "url", new XElement(Ns + "loc", Absolute(siteUrl, urls, urls.UrlOf(p.Path))),
                    p.Updated is { } updated ? new XElement(Ns + "lastmod", Previews.Feed.Date(updated)) : null)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    public static string Robots(string? siteUrl, Routes urls) =>
        "User-agent: *\nAllow: /\n" + (siteUrl is null ? "" : $"Sitemap: {Absolute(siteUrl, urls, urls.Sitemap)}\n");

    private static string Absolute(string? siteUrl, Routes urls, string url) => urls.Absolute(siteUrl, url) ?? url;
}
