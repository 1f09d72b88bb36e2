using System.Text.Json;
using RoadmapGen.Load;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Render.Previews;

/// <summary>
/// The JSON-LD of each kind of page (schema.org): the site on the home page, a roadmap as a
/// Course of its topics, a topic's breadcrumbs and the topic itself. URLs are absolute when
/// site.yml has a url, as search engines want them.
/// </summary>
public sealed class StructuredData(Site site, Routes urls)
{
    private string Language => site.Language?.Code ?? "en";

    private string Absolute(string url) => urls.Absolute(site.Config.Url, url) ?? url;

    private OrganizationLd Provider => new(site.Config.Title, Absolute(urls.Home));

    public TrustedHtml Home() => Write(new WebSiteLd(site.Config.Title, site.Config.Description, Absolute(urls.Home), Language));

    public TrustedHtml Roadmap(Roadmap roadmap) => Write(new CourseLd(
        roadmap.Name, roadmap.Summary, Absolute(urls.Roadmap(roadmap)), Language, IsAccessibleForFree: true,
        Provider, Updated(roadmap),
        roadmap.Topics.Select(t => new LearningResourceLd(t.Title, t.Summary, Absolute(urls.Topic(t)))).ToList()));

    public TrustedHtml Topic(Topic topic) => Write(
        new BreadcrumbListLd(
        [
            new ListItemLd(1, topic.Roadmap.Name, Absolute(urls.Roadmap(topic.Roadmap))),
            new ListItemLd(2, $"Stage {topic.Stage.Number}: {topic.Stage.Title}", Absolute(urls.Stage(topic.Roadmap, topic.Stage))),
            new ListItemLd(3, topic.Title, Absolute(urls.Topic(topic))),
        ]),
        new LearningResourceLd(topic.Title, topic.Summary, Absolute(urls.Topic(topic)),
            site.ChangedAt(topic.SourcePath), "topic page", Language));

    /// <summary>A roadmap changes when its roadmap.yml or any of its topics does.</summary>
    public DateTimeOffset Updated(Roadmap roadmap) =>
        roadmap.Topics.Select(t => site.ChangedAt(t.SourcePath)).Append(site.ChangedAt(roadmap.SourcePath)).Max();

    private static TrustedHtml Write(params Thing[] things) =>
        new(JsonSerializer.Serialize(new JsonLdDocument("https://schema.org", things), JsonLdContext.Html.JsonLdDocument));
}
