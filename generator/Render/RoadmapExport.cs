using System.Text.Json;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>The roadmap as JSON, for other tools and sites to reuse the content.</summary>
public static class RoadmapExport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>URLs are absolute when site.yml has a <c>url</c>, so another site can use them as they are.</summary>
    public static string Json(Roadmap roadmap, UrlScheme urls, string? siteUrl)
    {
        string Absolute(string url) => urls.Absolute(siteUrl, url) ?? url;
        return JsonSerializer.Serialize(new
        {
            id = roadmap.Id,
            title = roadmap.Title,
            summary = roadmap.Summary,
            url = Absolute(urls.Roadmap(roadmap)),
            allUrl = Absolute(urls.WholeRoadmap(roadmap)),
            stages = roadmap.Stages.Select(s => new
            {
                number = s.Number, id = s.Id, title = s.Title, summary = s.Summary,
                topics = s.Topics.Select(t => new
                {
                    slug = t.Slug, title = t.Title, summary = t.Summary, url = Absolute(urls.Topic(t)),
                    prerequisites = t.Prerequisites.Select(p => p.Slug),
                    resources = t.Resources.Select(r => new { r.Title, r.Url, r.Type }),
                    questions = t.Questions.Select(q => new { question = q.Text, answer = q.AnswerMarkdown }),
                }),
            }),
        }, Options) + "\n";
    }
}
