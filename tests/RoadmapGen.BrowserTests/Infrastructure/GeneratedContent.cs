namespace RoadmapGen.BrowserTests.Infrastructure;

/// <summary>The pieces of a generated content folder that every writer of one needs.</summary>
public static class GeneratedContent
{
    /// <summary>The real site's settings without its editorial rules (a generated topic has one resource and no questions) or its other languages.</summary>
    public static void WriteSettings(string content)
    {
        var settings = File.ReadAllText(Path.Combine(RepositoryFiles.Content, "site.yml"));
        File.WriteAllText(Path.Combine(content, "site.yml"), settings[..settings.IndexOf("\nrules:", StringComparison.Ordinal)] + "\n");
    }

    /// <summary>A roadmap's roadmap.yml, and its empty topics folder.</summary>
    public static string WriteRoadmap(string content, string id, string yaml)
    {
        var folder = Path.Combine(content, "roadmaps", id);
        Directory.CreateDirectory(Path.Combine(folder, "topics"));
        File.WriteAllText(Path.Combine(folder, "roadmap.yml"), yaml);
        return folder;
    }

    /// <summary>A topic with a title, a summary, one official resource and a line of text.</summary>
    public static void WriteTopic(string roadmapFolder, string slug, string title)
    {
        File.WriteAllText(Path.Combine(roadmapFolder, "topics", slug + ".md"),
            $"---\ntitle: {title}\nsummary: About {slug}.\nresources:\n  - title: Docs\n    url: https://example.com/{slug}\n    type: official\n---\n\nText of {slug}.\n");
    }
}
