using System.Xml.Linq;
using RoadmapGen.Load;

namespace RoadmapGen.Render.Previews;

/// <summary>
/// The Atom feed (RFC 4287) of the most recently changed topics, newest first, with their
/// summaries. Links and ids are absolute (site.yml's url); without a url they are the site's own
/// paths, which feed readers resolve against the feed's address.
/// </summary>
public static class Feed
{
    public const int Entries = 20;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static string Xml(Site site, Routes urls)
    {
        string Absolute(string url) => urls.Absolute(site.Config.Url, url) ?? url;
        var topics = site.Roadmaps.SelectMany(r => r.Topics)
            .Select(t => (Topic: t, Updated: site.ChangedAt(t.SourcePath)))
            .OrderByDescending(t => t.Updated).ThenBy(t => t.Topic.Title, StringComparer.Ordinal)
            .Take(Entries).ToList();
        var updated = topics.Count > 0 ? topics[0].Updated : site.ChangedAt(site.Config.SourcePath);

        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", Absolute(urls.Feed)),
            new XElement(Atom + "title", site.Config.Title + ": recently updated topics"),
            new XElement(Atom + "subtitle", site.Config.Description),
            new XElement(Atom + "updated", Date(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", site.Config.Title)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", Absolute(urls.Feed))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", Absolute(urls.Home))),
            topics.Select(t => new XElement(Atom + "entry",
                new XElement(Atom + "id", Absolute(urls.Topic(t.Topic))),
                new XElement(Atom + "title", t.Topic.Title),
                new XElement(Atom + "updated", Date(t.Updated)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", Absolute(urls.Topic(t.Topic)))),
                new XElement(Atom + "category", new XAttribute("term", t.Topic.Roadmap.Id), new XAttribute("label", t.Topic.Roadmap.Title)),
                new XElement(Atom + "summary", t.Topic.Summary))));
        return new XDeclaration("1.0", "utf-8", null) + "\n" + feed + "\n";
    }

    /// <summary>RFC 3339, in UTC, as Atom and sitemaps want it.</summary>
    public static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
