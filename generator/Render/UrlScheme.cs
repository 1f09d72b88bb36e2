using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>
/// Every URL of the site comes from here, prefixed by the base path, so the same build works
/// at "/" and under a GitHub project path "/repo/". Templates never write a "/" link by hand.
/// </summary>
public sealed class UrlScheme
{
    public string Base { get; }

    public UrlScheme(string basePath)
    {
        var trimmed = basePath.Trim().Trim('/');
        Base = trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }

    public string Home => Base;
    public string Roadmap(Roadmap roadmap) => Base + roadmap.Id + "/";
    public string WholeRoadmap(Roadmap roadmap) => Base + roadmap.Id + "/" + ReservedNames.WholeRoadmap + "/";
    public string RoadmapJson(Roadmap roadmap) => Base + roadmap.Id + "/roadmap.json";
    public string Topic(Topic topic) => Base + topic.Roadmap.Id + "/" + topic.Slug + "/";
    public string Page(Page page) => Base + page.Slug + "/";
    public string TopicIndex => Base + ReservedNames.TopicIndex + "/";
    public string SearchIndex => Base + "search-index.json";
    public string Asset(string fingerprintedName) => Base + ReservedNames.Assets + "/" + fingerprintedName;
    /// <summary>An image keeps its path inside content/, so two topics' "diagram.svg" never meet.</summary>
    public string Image(ContentImage image) => Base + ReservedNames.Media + "/" + image.ContentPath;
    public string Feed => Base + "feed.xml";
    public string WebManifest => Base + "manifest.webmanifest";
    /// <summary>At the base path's root, not under assets/: a service worker controls only the pages at or below its own folder.</summary>
    public string ServiceWorker => Base + "sw.js";
    /// <summary>The list of a roadmap's files that "Save for offline" fetches.</summary>
    public string OfflineList(Roadmap roadmap) => Base + roadmap.Id + "/offline.json";

    /// <summary>
    /// A site URL made absolute with site.yml's <c>url</c> (the address the site is published
    /// at, base path included), for whatever leaves the site: sitemap, canonical links, exports.
    /// Null without a site URL.
    /// </summary>
    public string? Absolute(string? siteUrl, string url) =>
        siteUrl is null ? null : siteUrl.TrimEnd('/') + "/" + (url.StartsWith(Base, StringComparison.Ordinal) ? url[Base.Length..] : url.TrimStart('/'));

    /// <summary>The URL a file of this site is served at: "a/b/index.html" → "/repo/a/b/".</summary>
    public string UrlOf(string outputPath) =>
        Base + (outputPath.EndsWith("index.html", StringComparison.Ordinal) ? outputPath[..^"index.html".Length] : outputPath);

    /// <summary>The file a URL of this site is served from: "/repo/a/b/" → "a/b/index.html".</summary>
    public string OutputPath(string url)
    {
        var path = url.StartsWith(Base, StringComparison.Ordinal) ? url[Base.Length..] : url.TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
