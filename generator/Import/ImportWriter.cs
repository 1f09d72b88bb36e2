using System.Text;

namespace RoadmapGen.Import;

/// <summary>
/// Writes imported roadmaps as our content folder. It writes only into a folder that does not
/// exist yet, is empty, or that an earlier import made (marked by <see cref="Marker"/>), so
/// it never overwrites someone's content.
/// </summary>
public static class ImportWriter
{
    public const string Marker = ".roadmapgen-import";

    /// <returns>Null when written; otherwise why nothing was.</returns>
    public static string? Write(string outDir, IReadOnlyList<ImportedRoadmap> roadmaps)
    {
        var full = Path.GetFullPath(outDir);
        if (File.Exists(full)) return $"{outDir} is a file; name a new folder to import into";
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            if (!File.Exists(Path.Combine(full, Marker)))
                return $"{outDir} already exists and was not made by import; name a new folder (nothing was written)";
            Directory.Delete(full, recursive: true);
        }
        Directory.CreateDirectory(full);
        File.WriteAllText(Path.Combine(full, Marker), "This folder was written by 'roadmapgen import'; importing again replaces it.\n");
        Utf8(Path.Combine(full, "site.yml"), $"""
            # yaml-language-server: $schema=schemas/site.schema.json
            # Imported from roadmap.sh content. Set your site's own rules here (see CONTRIBUTING);
            # without them a topic without resources is a warning and nothing else is checked.
            title: {Quote("Developer Roadmaps")}
            description: {Quote($"{roadmaps.Count} step-by-step roadmaps, each with a page per topic and hand-picked resources.")}

            """);
        foreach (var roadmap in roadmaps)
        {
            var dir = Path.Combine(full, "roadmaps", roadmap.Id);
            Directory.CreateDirectory(Path.Combine(dir, "topics"));
            var yml = new StringBuilder();
            yml.Append("title: ").Append(Quote(roadmap.Title)).Append('\n');
            yml.Append("summary: ").Append(Quote(roadmap.Summary)).Append('\n');
            yml.Append("stages:\n");
            foreach (var stage in roadmap.Stages)
            {
                yml.Append("  - title: ").Append(Quote(stage.Title)).Append('\n');
                yml.Append("    id: ").Append(stage.Id).Append('\n');
                yml.Append("    topics: [").AppendJoin(", ", stage.Topics.Select(t => t.Slug)).Append("]\n");
                foreach (var topic in stage.Topics) Utf8(Path.Combine(dir, "topics", topic.Slug + ".md"), TopicText(topic));
            }
            Utf8(Path.Combine(dir, "roadmap.yml"), yml.ToString());
        }
        return null;
    }

    private static string TopicText(ImportedTopic topic)
    {
        var text = new StringBuilder("---\n");
        text.Append("title: ").Append(Quote(topic.Title)).Append('\n');
        text.Append("summary: ").Append(Quote(topic.Summary)).Append('\n');
        if (topic.Resources.Count == 0) text.Append("resources: []\n");
        else
        {
            text.Append("resources:\n");
            foreach (var r in topic.Resources)
                text.Append("  - title: ").Append(Quote(r.Title)).Append("\n    url: ").Append(Quote(r.Url)).Append("\n    type: ").Append(r.Type).Append('\n');
        }
        text.Append("---\n\n").Append(topic.Body).Append('\n');
        return text.ToString();
    }

    /// <summary>A YAML double-quoted scalar: any text, read back exactly.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c == '\\') sb.Append("\\\\");
            else if (c == '"') sb.Append("\\\"");
            else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    private static void Utf8(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));
}
