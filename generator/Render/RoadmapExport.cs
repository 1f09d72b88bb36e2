using System.Text.Json;
using System.Text.Json.Serialization;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>The roadmap as JSON, for other tools and sites to reuse the content.</summary>
public static class RoadmapExport
{
    /// <summary>URLs are absolute when site.yml has a <c>url</c>, so another site can use them as they are.</summary>
    public static string Json(Roadmap roadmap, UrlScheme urls, string? siteUrl)
    {
        string Absolute(string url) => urls.Absolute(siteUrl, url) ?? url;
        var export = new RoadmapJson(roadmap.Id, roadmap.Title, roadmap.Summary,
            Absolute(urls.Roadmap(roadmap)), Absolute(urls.WholeRoadmap(roadmap)),
            roadmap.Stages.Select(s => new StageJson(s.Number, s.Id, s.Title, s.Summary,
                s.Topics.Select(t => new TopicJson(t.Slug, t.Title, t.Summary, Absolute(urls.Topic(t)),
                    t.Prerequisites.Select(p => p.Slug).ToList(),
                    t.Resources.Select(r => new ResourceJson(r.Title, r.Url, r.Type)).ToList())).ToList())).ToList());
        return JsonSerializer.Serialize(export, RoadmapExportJson.Default.RoadmapJson) + "\n";
    }
}

public sealed record RoadmapJson(string Id, string Title, string Summary, string Url, string AllUrl, IReadOnlyList<StageJson> Stages);

public sealed record StageJson(int Number, string Id, string Title, string Summary, IReadOnlyList<TopicJson> Topics);

public sealed record TopicJson(string Slug, string Title, string Summary, string Url, IReadOnlyList<string> Prerequisites, IReadOnlyList<ResourceJson> Resources);

public sealed record ResourceJson(string Title, string Url, string Type);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RoadmapJson))]
internal sealed partial class RoadmapExportJson : JsonSerializerContext;
