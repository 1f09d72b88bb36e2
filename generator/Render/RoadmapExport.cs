using System.Text.Json;
using System.Text.Json.Serialization;
using RoadmapGen.Load;
using RoadmapGen.Render.Views;

namespace RoadmapGen.Render;

/// <summary>The roadmap as JSON, for other tools and sites to reuse the content.</summary>
public static class RoadmapExport
{
    /// <summary>URLs are absolute when site.yml has a <c>url</c>, so another site can use them as they are.</summary>
    /// <returns>The export as UTF-8, ending with a line break.</returns>
    public static byte[] Utf8(Roadmap roadmap, Routes urls, string? siteUrl)
    {
        string Absolute(string url) => urls.Absolute(siteUrl, url) ?? url;
        var export = new RoadmapJson(roadmap.Id, roadmap.Title, roadmap.Summary,
            Absolute(urls.Roadmap(roadmap)), Absolute(urls.WholeRoadmap(roadmap)),
            // A reader's path: every required topic and one topic of each choice.
            SiteViews.PathCount(roadmap.Topics),
            roadmap.Stages.Select(s => new StageJson(s.Number, s.Id, s.Title, s.Summary,
                s.Topics.Select(t => new TopicJson(t.Slug, t.Title, t.Summary, Absolute(urls.Topic(t)),
                    SiteViews.KindName(t.Kind), t.Choice?.Id, t.OptionalNote,
                    t.Prerequisites.Select(p => p.Slug).ToList(),
                    t.Resources.Select(r => new ResourceJson(r.Title, r.Url, r.Type)).ToList(),
                    t.Questions.Select(q => new QuestionJson(q.Text, q.AnswerMarkdown)).ToList())).ToList(),
                s.Choices.Select(c => new ChoiceJson(c.Id, c.Title,
                    c.Topics.Select(t => new ChoiceTopicJson(t.Slug, Absolute(urls.Topic(t)))).ToList(),
                    c.Recommended?.Slug, c.Reason)).ToList())).ToList());
        // Straight to UTF-8: the export as a string (and that string with its line break) would be
        // two large objects, garbage as soon as they are encoded.
        var json = JsonSerializer.SerializeToUtf8Bytes(export, RoadmapExportJson.Default.RoadmapJson);
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}

public sealed record RoadmapJson(string Id, string Title, string Summary, string Url, string AllUrl, int PathCount,
    IReadOnlyList<StageJson> Stages);

public sealed record StageJson(int Number, string Id, string Title, string Summary, IReadOnlyList<TopicJson> Topics,
    IReadOnlyList<ChoiceJson> Choices);

public sealed record TopicJson(string Slug, string Title, string Summary, string Url, string Kind, string? Choice,
    string? OptionalNote, IReadOnlyList<string> Prerequisites, IReadOnlyList<ResourceJson> Resources,
    IReadOnlyList<QuestionJson> Questions);

public sealed record QuestionJson(string Question, string Answer);

public sealed record ChoiceJson(string Id, string Title, IReadOnlyList<ChoiceTopicJson> Topics, string? Recommended, string? Reason);

public sealed record ChoiceTopicJson(string Slug, string Url);

public sealed record ResourceJson(string Title, string Url, string Type);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RoadmapJson))]
internal sealed partial class RoadmapExportJson : JsonSerializerContext;
