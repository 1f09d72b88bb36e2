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

    /// <summary>The file a URL of this site is served from: "/repo/a/b/" → "a/b/index.html".</summary>
    /// <summary>
    /// A site URL made absolute with site.yml's <c>url</c> (the address the site is published
    /// at, base path included), for whatever leaves the site: sitemap, canonical links, exports.
    /// Null without a site URL.
    /// </summary>
    public string? Absolute(string? siteUrl, string url) =>
        siteUrl is null ? null : siteUrl.TrimEnd('/') + "/" + (url.StartsWith(Base, StringComparison.Ordinal) ? url[Base.Length..] : url.TrimStart('/'));

    public string OutputPath(string url)
    {
        var path = url.StartsWith(Base, StringComparison.Ordinal) ? url[Base.Length..] : url.TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
