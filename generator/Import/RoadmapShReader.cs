using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RoadmapGen.Load;
using YamlDotNet.RepresentationModel;

namespace RoadmapGen.Import;

/// <summary>
/// Reads one roadmap of a roadmap.sh content checkout (<c>src/data/roadmaps/&lt;id&gt;/</c>): its
/// <c>content/&lt;slug&gt;@&lt;nodeId&gt;.md</c> files and, when present, the diagram <c>&lt;id&gt;.json</c>,
/// whose topic nodes become stages and whose subtopic nodes join the topic they hang from.
/// </summary>
public static partial class RoadmapShReader
{
    [GeneratedRegex(@"^- \[@([A-Za-z]+)@(.*)\]\((\S+)\)\s*$")]
    private static partial Regex ResourceLine();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^(.+?[.!?])(?=\s|$)")]
    private static partial Regex FirstSentence();

    private sealed record ContentFile(string NodeId, string Display, ImportedTopic Topic);

    private sealed record Node(string Id, string Type, string Label, double X, double Y);

    public static ImportedRoadmap? Read(string dir, Func<string, string> display, ImportReport report)
    {
        var folder = Path.GetFileName(dir);
        var id = ValidSlug(folder, "roadmap");
        if (id != folder) report.Changes.Add($"{display(dir)}: roadmap id '{folder}' → '{id}'");
        var (title, summary) = ReadMeta(Path.Combine(dir, folder + ".md"), folder, display, report);

        var files = new List<ContentFile>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var contentDir = Path.Combine(dir, "content");
        foreach (var path in Directory.Exists(contentDir) ? Directory.GetFiles(contentDir, "*.md").Order(StringComparer.Ordinal).ToArray() : [])
            if (ReadTopic(path, display(path), slugs, report) is { } file) files.Add(file);
        if (files.Count == 0)
        {
            report.Problems.Add($"{display(dir)}: skipped: no readable topic in content/");
            return null;
        }

        var stages = Stages(Path.Combine(dir, folder + ".json"), files, display, report);
        return new ImportedRoadmap(id, title, summary, stages);
    }

    private static (string Title, string Summary) ReadMeta(string path, string folder, Func<string, string> display, ImportReport report)
    {
        string? title = null, summary = null;
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path);
            var end = text.StartsWith("---", StringComparison.Ordinal) ? text.IndexOf("\n---", 3, StringComparison.Ordinal) : -1;
            try
            {
                if (end > 0)
                {
                    var yaml = new YamlStream();
                    yaml.Load(new StringReader(text[3..end]));
                    if (yaml.Documents.FirstOrDefault()?.RootNode is YamlMappingNode map)
                    {
                        string? Get(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value?.Trim() : null;
                        title = Get("title") ?? Get("briefTitle");
                        summary = Get("description") ?? Get("briefDescription");
                    }
                }
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                report.Problems.Add($"{display(path)}: its front matter is not valid YAML ({e.Message}); title and summary made from the folder name");
            }
        }
        title ??= CultureInfo.InvariantCulture.TextInfo.ToTitleCase(folder.Replace('-', ' '));
        // Our pages say "the … roadmap" themselves: "Docker Roadmap" would read "Docker Roadmap roadmap".
        var bare = Regex.Replace(title, @"\s+road\s?map$", "", RegexOptions.IgnoreCase).Trim();
        if (bare.Length > 0 && bare != title)
        {
            report.Changes.Add($"{display(path)}: title '{title}' → '{bare}' (pages add the word 'roadmap')");
            title = bare;
        }
        return (title, summary ?? $"The {title} roadmap.");
    }

    private static ContentFile? ReadTopic(string path, string display, HashSet<string> slugs, ImportReport report)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var at = name.IndexOf('@');
        var nodeId = at >= 0 ? name[(at + 1)..] : "";
        var lines = File.ReadAllLines(path);
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0)
        {
            report.Problems.Add($"{display}: skipped: the file is empty (write '# Title', a paragraph and its resources, or delete it)");
            return null;
        }
        if (!lines[first].StartsWith("# ", StringComparison.Ordinal))
        {
            // The line is named, so a fix needs no search: "#Title" lacks only its space.
            var fix = lines[first].StartsWith('#') && !lines[first].StartsWith("##", StringComparison.Ordinal) ? "put a space after the '#'" : "make it '# " + lines[first].Trim() + "'";
            report.Problems.Add($"{display}({first + 1}): skipped: its first line is not a '# Title' heading ({fix})");
            return null;
        }
        var title = lines[first][2..].Trim();
        if (title.Length == 0)
        {
            report.Problems.Add($"{display}({first + 1}): skipped: its '# ' heading has no title");
            return null;
        }
        var body = new List<string>();
        var resources = new List<ImportedResource>();
        for (var i = first + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (ResourceLine().Match(line) is { Success: true } m)
            {
                var theirs = m.Groups[1].Value;
                if (!ResourceTypes.Map.TryGetValue(theirs.ToLowerInvariant(), out var ours))
                {
                    report.Problems.Add($"{display}({i + 1}): unknown resource type '@{theirs}@' (known: {string.Join(", ", ResourceTypes.Map.Keys)}); the resource was left out");
                    continue;
                }
                var resourceTitle = m.Groups[2].Value.Trim();
                resources.Add(new ImportedResource(resourceTitle.Length > 0 ? resourceTitle : m.Groups[3].Value, m.Groups[3].Value, ours));
                continue;
            }
            if (line.StartsWith("Visit the following resources", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("Learn more from the following", StringComparison.OrdinalIgnoreCase)) continue;
            body.Add(line);
        }
        var text = string.Join("\n", body).Trim();
        var paragraph = text.Split("\n\n")[0].Replace('\n', ' ');
        var plain = MarkdownLink().Replace(paragraph, "$1").Replace("**", "").Replace("`", "").Trim();
        var summary = FirstSentence().Match(plain) is { Success: true } s ? s.Groups[1].Value : plain;
        if (summary.Length == 0 || paragraph.StartsWith('#') || paragraph.StartsWith('-'))
        {
            summary = title + ".";
            report.Changes.Add($"{display}: no opening paragraph; summary made from the title");
        }
        if (summary.Length > 300) summary = summary[..297].TrimEnd() + "…";

        var wanted = ValidSlug(at >= 0 ? name[..at] : name, "topic");
        if (Routes.ReservedTopicSlugs.Contains(wanted) || PageIds.Fixed.Contains(wanted)) wanted += "-topic";
        var slug = wanted;
        for (var n = 2; !slugs.Add(slug); n++) slug = $"{wanted}-{n}";
        if (slug != (at >= 0 ? name[..at] : name)) report.Changes.Add($"{display}: slug '{(at >= 0 ? name[..at] : name)}' → '{slug}'");
        return new ContentFile(nodeId, display, new ImportedTopic(slug, title, summary, text, resources));
    }

    private static string ValidSlug(string text, string fallback)
    {
        var slug = Slug.From(text);
        if (slug.Length > 80) slug = slug[..80].TrimEnd('-');
        return slug.Length > 0 ? slug : fallback;
    }

    /// <summary>"(line)" of a node's <c>"id": "…"</c> in the diagram's text (JsonDocument keeps no lines), or "" if not found.</summary>
    private static string LineOfNode(string json, string id)
    {
        var match = Regex.Match(json, "\"id\"\\s*:\\s*\"" + Regex.Escape(id) + "\"");
        return match.Success ? $"({json.AsSpan(0, match.Index).Count('\n') + 1})" : "";
    }

    /// <summary>
    /// The diagram's topic nodes, top to bottom, each a stage holding its own file and its
    /// subtopics (joined by an edge, else to the nearest topic); files the diagram does not
    /// show go to a last stage. Without a usable diagram, every file is in one stage.
    /// </summary>
    private static List<ImportedStage> Stages(string diagramPath, List<ContentFile> files, Func<string, string> display, ImportReport report)
    {
        var nodes = new List<Node>();
        var edges = new List<(string From, string To)>();
        var diagram = display(diagramPath);
        var diagramText = "";
        if (!File.Exists(diagramPath)) report.Changes.Add($"{diagram}: no diagram; every topic is in one stage");
        else
        {
            try
            {
                diagramText = File.ReadAllText(diagramPath);
                using var json = JsonDocument.Parse(diagramText);
                if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("nodes", out var list) || list.ValueKind != JsonValueKind.Array)
                    report.Problems.Add($"{diagram}: no 'nodes' list (an older diagram format); every topic is in one stage");
                else
                {
                    foreach (var node in list.EnumerateArray())
                    {
                        var type = Text(node, "type");
                        if (type is not ("topic" or "subtopic") || Text(node, "id") is not { } nodeId) continue;
                        var label = node.TryGetProperty("data", out var data) ? Text(data, "label") ?? "" : "";
                        var (x, y) = node.TryGetProperty("position", out var p) ? (Number(p, "x"), Number(p, "y")) : (0, 0);
                        nodes.Add(new Node(nodeId, type, label.Trim(), x, y));
                    }
                    if (json.RootElement.TryGetProperty("edges", out var edgeList) && edgeList.ValueKind == JsonValueKind.Array)
                        foreach (var edge in edgeList.EnumerateArray())
                            if (Text(edge, "source") is { } from && Text(edge, "target") is { } to) edges.Add((from, to));
                }
            }
            catch (JsonException e)
            {
                // JsonException counts from zero and says so in its message; the report names the place as the build does.
                var at = e.LineNumber is { } line ? $"({line + 1},{(e.BytePositionInLine ?? 0) + 1})" : "";
                report.Problems.Add($"{diagram}{at}: not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim()}); every topic is in one stage");
            }
        }

        var byNode = files.Where(f => f.NodeId.Length > 0).GroupBy(f => f.NodeId).ToDictionary(g => g.Key, g => g.First());
        var used = new HashSet<ContentFile>();
        var stageIds = new HashSet<string>(StringComparer.Ordinal);
        var stages = new List<ImportedStage>();
        var topics = nodes.Where(n => n.Type == "topic").OrderBy(n => n.Y).ThenBy(n => n.X).ToList();
        var members = topics.ToDictionary(t => t, _ => new List<Node>());
        foreach (var sub in nodes.Where(n => n.Type == "subtopic"))
        {
            var linked = edges.Where(e => e.From == sub.Id || e.To == sub.Id).Select(e => e.From == sub.Id ? e.To : e.From).ToHashSet();
            var candidates = topics.Where(t => linked.Contains(t.Id)).ToList();
            if (candidates.Count == 0) candidates = topics;
            if (candidates.Count == 0) continue;
            members[candidates.MinBy(t => (t.X - sub.X) * (t.X - sub.X) + (t.Y - sub.Y) * (t.Y - sub.Y))!].Add(sub);
        }
        foreach (var node in nodes.Where(n => !byNode.ContainsKey(n.Id)))
            report.Problems.Add($"{diagram}{LineOfNode(diagramText, node.Id)}: {node.Type} node '{node.Label}' ({node.Id}) has no content file (content/*@{node.Id}.md); left out");

        foreach (var topic in topics)
        {
            var list = new List<ImportedTopic>();
            foreach (var node in members[topic].OrderBy(n => n.Y).ThenBy(n => n.X).Prepend(topic))
                if (byNode.TryGetValue(node.Id, out var file) && used.Add(file)) list.Add(file.Topic);
            var title = topic.Label.Length > 0 ? topic.Label : list.FirstOrDefault()?.Title ?? "";
            // A heading of the diagram whose nodes all lack files: nothing for a reader, reported above.
            if (list.Count == 0) continue;
            stages.Add(new ImportedStage(StageId(title, stageIds), title, list));
        }
        var rest = files.Where(f => !used.Contains(f)).Select(f => f.Topic).ToList();
        if (rest.Count > 0)
        {
            if (stages.Count > 0) report.Changes.Add($"{diagram}: {rest.Count} topic(s) not on the diagram are in a last stage, 'More topics'");
            stages.Add(new ImportedStage(StageId(stages.Count > 0 ? "More topics" : "Topics", stageIds), stages.Count > 0 ? "More topics" : "Topics", rest));
        }
        return stages;
    }

    private static string StageId(string title, HashSet<string> taken)
    {
        var stem = ValidSlug(title, "stage");
        if (PageIds.Fixed.Contains(stem) || stem.StartsWith(PageIds.ChoicePrefix, StringComparison.Ordinal)) stem += "-stage";
        var id = stem;
        for (var n = 2; !taken.Add(id); n++) id = $"{stem}-{n}";
        return id;
    }

    private static string? Text(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double Number(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
