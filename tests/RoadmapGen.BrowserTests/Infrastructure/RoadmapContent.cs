using YamlDotNet.RepresentationModel;

namespace RoadmapGen.BrowserTests.Infrastructure;

public sealed record TopicSource(string Slug, string Title, string Stage);

/// <summary>
/// The roadmap as its source files say it is, read independently of the generator so the
/// tests compare the pages against the content rather than against the generator's own model.
/// </summary>
public sealed class RoadmapContent
{
    private RoadmapContent(string id, IReadOnlyList<TopicSource> topics)
    {
        Id = id;
        Topics = topics;
    }

    public string Id { get; }
    public IReadOnlyList<TopicSource> Topics { get; }

    /// <summary>Stage titles in reading order, each with its topics.</summary>
    public IReadOnlyList<IGrouping<string, TopicSource>> Stages => Topics.GroupBy(t => t.Stage).ToList();

    public TopicSource Topic(string slug) => Topics.Single(t => t.Slug == slug);

    public static RoadmapContent Load(string contentDir, string roadmapId)
    {
        var folder = Path.Combine(contentDir, "roadmaps", roadmapId);
        var roadmap = ParseYaml(File.ReadAllText(Path.Combine(folder, "roadmap.yml")));
        var topics = new List<TopicSource>();
        foreach (var stage in ((YamlSequenceNode)roadmap["stages"]).Cast<YamlMappingNode>())
        {
            var stageTitle = ((YamlScalarNode)stage["title"]).Value!;
            foreach (var slug in ((YamlSequenceNode)stage["topics"]).Cast<YamlScalarNode>())
            {
                var markdown = File.ReadAllText(Path.Combine(folder, "topics", slug.Value + ".md"));
                var frontMatter = ParseYaml(FrontMatter(markdown));
                topics.Add(new TopicSource(slug.Value!, ((YamlScalarNode)frontMatter["title"]).Value!, stageTitle));
            }
        }
        return new RoadmapContent(roadmapId, topics);
    }

    private static string FrontMatter(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n");
        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        return text[4..end];
    }

    private static YamlMappingNode ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
