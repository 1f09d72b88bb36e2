using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>Reads one topic or page file: front matter fields with their positions, and its Markdown body.</summary>
public static class TopicReader
{
    public static readonly string[] TopicFields = ["title", "summary", "prerequisites", "resources", "questions"];
    public static readonly string[] PageFields = ["title", "summary"];
    public static readonly string[] ResourceFields = ["title", "url", "type"];
    public static readonly string[] QuestionFields = ["question", "answer"];
    public static readonly string[] ResourceTypes = ["article", "video", "course", "book", "official", "tool", "podcast", "community"];

    /// <param name="bytes">The file's content when the caller has read it already; null: read here.</param>
    public static TopicSource? ReadTopic(SourceFile file, IReadOnlyDictionary<string, string> contentFiles, DiagnosticBag diagnostics, byte[]? bytes = null)
    {
        var fullPath = file.FullPath;
        if (ReadFrontMatter(file, diagnostics, "the topic's front matter", bytes) is not { } read) return null;
        var (path, front, map) = read;
        var slug = Path.GetFileNameWithoutExtension(fullPath);

        var title = map.String("title", required: true, hint: "A short title");
        var summary = map.String("summary", required: true, hint: "One sentence shown on the roadmap and in search");
        var prerequisites = map.StringList("prerequisites", required: false) ?? [];
        var resourceItems = new List<(int, int)>();
        var resources = ReadResources(map, path, diagnostics, resourceItems, out var resourcesWritten);
        var questions = ReadQuestions(map, path, fullPath, contentFiles, diagnostics);
        map.ReportUnknown(TopicFields);
        var body = MarkdownParser.Parse(front.Body, front.BodyLineOffset, path, fullPath, contentFiles, diagnostics);
        if (title is null || summary is null || resources is null) return null;
        Placeholders.Check(path, summary, map.PositionOf("summary"), resources.Select((r, i) => (r, resourceItems[i].Item1, resourceItems[i].Item2)), body, diagnostics);

        return new TopicSource
        {
            Slug = slug, Title = title, Summary = summary, File = file, Body = body,
            Resources = resources, Questions = questions,
            PrerequisiteRefs = prerequisites.Select(p => new SlugRef(p.Value, p.Line, p.Column)).ToList(),
            Positions = new TopicPositions((map.Line, map.Column), map.PositionOf("resources"), map.PositionOf("questions"), resourceItems, resourcesWritten),
        };
    }

    public static Page? ReadPage(SourceFile file, IReadOnlyDictionary<string, string> contentFiles, DiagnosticBag diagnostics, byte[]? bytes = null)
    {
        var fullPath = file.FullPath;
        if (ReadFrontMatter(file, diagnostics, "the page's front matter", bytes) is not { } read) return null;
        var (path, front, map) = read;
        var title = map.String("title", required: true, hint: "The page title");
        var summary = map.String("summary", required: true, hint: "One sentence describing the page");
        map.ReportUnknown(PageFields);
        var body = MarkdownParser.Parse(front.Body, front.BodyLineOffset, path, fullPath, contentFiles, diagnostics);
        if (title is null || summary is null) return null;
        return new Page
        {
            Slug = Path.GetFileNameWithoutExtension(fullPath), Title = title, Summary = summary,
            File = file, Body = body,
        };
    }

    /// <summary>A file known by its full path and display path alone (a translation).</summary>
    internal static (string Path, FrontMatter Front, YamlMap Map)? ReadFrontMatter(
        string fullPath, IReadOnlyDictionary<string, string> contentFiles, DiagnosticBag diagnostics, string what) =>
        ReadFrontMatter(new SourceFile(fullPath, contentFiles[fullPath], contentFiles[fullPath]), diagnostics, what);

    /// <summary>The steps every Markdown content file shares: read it, split off its front matter, parse that.</summary>
    internal static (string Path, FrontMatter Front, YamlMap Map)? ReadFrontMatter(
        SourceFile file, DiagnosticBag diagnostics, string what, byte[]? bytes = null)
    {
        var path = file.Display;
        var source = bytes is null ? SourceText.Read(file.FullPath, path, diagnostics) : SourceText.FromBytes(bytes, file.FullPath, path, diagnostics);
        var front = source is null ? null : FrontMatter.Split(source, diagnostics);
        var map = front is null ? null : YamlMap.Parse(front.Yaml, path, front.YamlFirstLine, diagnostics, what);
        return map is null ? null : (path, front!, map);
    }

    /// <summary>"Check yourself" questions: each needs a question and an answer; answers are Markdown, checked like bodies.</summary>
    internal static List<Question> ReadQuestions(YamlMap map, string path, string fullPath,
        IReadOnlyDictionary<string, string> contentFiles, DiagnosticBag diagnostics)
    {
        var questions = new List<Question>();
        foreach (var item in map.MapList("questions", required: false, itemWhat: "question") ?? [])
        {
            var question = item.String("question", required: false);
            var answer = item.String("answer", required: false);
            item.ReportUnknown(QuestionFields);
            foreach (var (key, value, hint) in new[] { ("question", question, "the question, one sentence"), ("answer", answer, "a short Markdown answer") })
            {
                if (value is not null) continue;
                var (line, column) = item.PositionOf(key);
                diagnostics.Error(Codes.EmptyQuestion, path, line, column,
                    $"this question has no {key} (write '{key}: {hint}', or remove the question)");
            }
            if (question is null || answer is null) continue;
            // The answer's Markdown lines count from its key's line, so its problems point into the file.
            var (answerLine, _) = item.PositionOf("answer");
            var body = MarkdownParser.Parse(answer, answerLine - 1, path, fullPath, contentFiles, diagnostics);
            questions.Add(new Question(question, answer, body));
        }
        return questions;
    }

    /// <summary>
    /// The resources, each valid one's position added to <paramref name="positions"/>. None is
    /// not an error here: how many a topic needs is a rule the site sets (<see cref="EditorialRules"/>).
    /// </summary>
    internal static List<Resource>? ReadResources(YamlMap map, string path, DiagnosticBag diagnostics, List<(int, int)> positions, out int written)
    {
        var items = map.MapList("resources", required: false, itemWhat: "resource");
        written = items?.Count ?? 0;
        if (items is null) return null;
        var resources = new List<Resource>();
        // A URL or type that is wrong is reported at its own line, not at the item's first key.
        foreach (var item in items)
        {
            var title = item.String("title", required: true, hint: "The resource's title");
            var url = item.String("url", required: true, hint: "https://…");
            var type = item.String("type", required: true, hint: string.Join(" | ", ResourceTypes));
            item.ReportUnknown(ResourceFields);
            if (url is not null && UrlSafety.DangerousScheme(url) is { } scheme)
            {
                var (line, column) = item.PositionOf("url");
                diagnostics.Error(Codes.UnsafeUrl, path, line, column,
                    $"resource URL uses a '{scheme}:' URL (use the resource's http(s) address)");
                url = null;
            }
            else if (url is not null && !UrlSafety.IsHttpUrl(url))
            {
                var (line, column) = item.PositionOf("url");
                diagnostics.Error(Codes.InvalidUrl, path, line, column,
                    $"resource URL '{url}' is not an absolute http(s) URL (write it in full, starting with https://)");
                url = null;
            }
            if (type is not null && !ResourceTypes.Contains(type))
            {
                var suggestion = DidYouMean.Suggest(type, ResourceTypes);
                var (line, column) = item.PositionOf("type");
                diagnostics.Error(Codes.UnknownResourceType, path, line, column,
                    $"unknown resource type '{type}'" + (suggestion is null
                        ? $" (use one of: {string.Join(", ", ResourceTypes)})"
                        : $" (did you mean '{suggestion}'? types: {string.Join(", ", ResourceTypes)})"));
                type = null;
            }
            if (title is not null && url is not null && type is not null)
            {
                resources.Add(new Resource(title, url, type));
                positions.Add((item.Line, item.Column));
            }
        }
        return resources;
    }
}
