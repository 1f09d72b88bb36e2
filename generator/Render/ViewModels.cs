using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>
/// Turns the content model into the plain dictionaries templates read. Every URL is computed
/// here from <see cref="UrlScheme"/>, so templates hold no URL logic.
/// </summary>
public sealed class ViewModels(Site site, UrlScheme urls, Assets assets)
{
    private static readonly Dictionary<string, string> TypeLabels = new()
    {
        ["article"] = "Article", ["video"] = "Video", ["course"] = "Course", ["book"] = "Book",
        ["official"] = "Official docs", ["tool"] = "Tool", ["podcast"] = "Podcast", ["community"] = "Community",
    };

    public Dictionary<string, object?> Base(string title, string description, string url, string kind) => new()
    {
        ["site"] = new Dictionary<string, object?>
        {
            ["title"] = site.Config.Title, ["description"] = site.Config.Description,
            ["repository"] = site.Config.Repository, ["home"] = urls.Home,
            ["topicIndex"] = urls.TopicIndex, ["searchIndex"] = urls.SearchIndex, ["base"] = urls.Base,
        },
        ["assets"] = assets.Urls,
        ["page"] = new Dictionary<string, object?>
        {
            ["title"] = title, ["description"] = description, ["url"] = url, ["kind"] = kind,
            ["isHome"] = kind == "home",
            ["canonical"] = site.Config.Url is { } u ? u.TrimEnd('/') + "/" + url[urls.Base.Length..] : null,
        },
        ["roadmaps"] = site.Roadmaps.Select(r => Link(r.Title, urls.Roadmap(r))).ToList(),
        ["pages"] = site.Pages.Select(p => Link(p.Title, urls.Page(p))).ToList(),
    };

    public static Dictionary<string, object?> Link(string title, string url) => new() { ["title"] = title, ["url"] = url };

    public Dictionary<string, object?> Roadmap(Roadmap roadmap) => new()
    {
        ["id"] = roadmap.Id, ["title"] = roadmap.Title, ["summary"] = roadmap.Summary,
        ["url"] = urls.Roadmap(roadmap), ["allUrl"] = urls.WholeRoadmap(roadmap), ["jsonUrl"] = urls.RoadmapJson(roadmap),
        ["topicCount"] = roadmap.Topics.Count, ["stageCount"] = roadmap.Stages.Count,
        ["stages"] = roadmap.Stages.Select(s => new Dictionary<string, object?>
        {
            ["number"] = s.Number, ["id"] = s.Id, ["title"] = s.Title, ["summary"] = s.Summary,
            ["topics"] = s.Topics.Select(TopicLink).ToList(),
        }).ToList(),
    };

    public Dictionary<string, object?> TopicLink(Topic topic) => new()
    {
        ["slug"] = topic.Slug, ["title"] = topic.Title, ["summary"] = topic.Summary,
        ["url"] = urls.Topic(topic), ["number"] = topic.Index + 1, ["stageNumber"] = topic.Stage.Number,
    };

    public Dictionary<string, object?> Topic(Topic topic, string html)
    {
        var ordered = topic.Roadmap.Topics;
        var model = TopicLink(topic);
        model["html"] = html;
        model["stage"] = new Dictionary<string, object?>
        {
            ["number"] = topic.Stage.Number, ["title"] = topic.Stage.Title,
            ["url"] = urls.Roadmap(topic.Roadmap) + "#" + topic.Stage.Id,
        };
        model["prerequisites"] = topic.Prerequisites.Select(TopicLink).ToList();
        model["requiredBy"] = topic.RequiredBy.Select(TopicLink).ToList();
        model["resources"] = topic.Resources.Select(r => new Dictionary<string, object?>
        {
            ["title"] = r.Title, ["url"] = r.Url, ["type"] = r.Type, ["typeLabel"] = TypeLabels.GetValueOrDefault(r.Type, r.Type),
        }).ToList();
        model["previous"] = topic.Index > 0 ? TopicLink(ordered[topic.Index - 1]) : null;
        model["next"] = topic.Index + 1 < ordered.Count ? TopicLink(ordered[topic.Index + 1]) : null;
        model["editUrl"] = EditUrl(topic.SourcePath);
        model["sourcePath"] = ContentRelative(topic.SourcePath);
        return model;
    }

    public string ContentRelative(string displayPath) =>
        "content/" + Path.GetRelativePath(site.ContentRoot, DisplayPath.Full(displayPath)).Replace('\\', '/');

    public string? EditUrl(string displayPath) => site.Config.Repository is { } repo
        ? $"{repo.TrimEnd('/')}/edit/{site.Config.Branch}/{ContentRelative(displayPath)}"
        : null;
}
