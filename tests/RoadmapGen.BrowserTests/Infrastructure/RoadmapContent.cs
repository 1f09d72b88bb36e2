using YamlDotNet.RepresentationModel;

namespace RoadmapGen.BrowserTests.Infrastructure;

/// <param name="Choice">The title of the choice it is an alternative in, else null.</param>
/// <param name="Recommended">Whether it is its choice's recommended alternative.</param>
public sealed record TopicSource(string Slug, string Title, string Stage, string? Choice = null, bool Optional = false, bool Recommended = false);

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

    /// <summary>Topics of a reader's path: the required ones and one per choice.</summary>
    public static int PathCount(IEnumerable<TopicSource> topics) =>
        topics.Count(t => t.Choice is null && !t.Optional) + topics.Where(t => t.Choice is not null).Select(t => t.Choice).Distinct().Count();

    public static RoadmapContent Load(string contentDir, string roadmapId)
    {
        var folder = Path.Combine(contentDir, "roadmaps", roadmapId);
        var roadmap = ParseYaml(File.ReadAllText(Path.Combine(folder, "roadmap.yml")));
        var topics = new List<TopicSource>();
        foreach (var stage in ((YamlSequenceNode)roadmap["stages"]).Cast<YamlMappingNode>())
        {
            var stageTitle = ((YamlScalarNode)stage["title"]).Value!;
            var choices = new Dictionary<string, (string Title, bool Recommended)>();
            if (stage.Children.TryGetValue(new YamlScalarNode("choices"), out var choiceList))
                foreach (var choice in ((YamlSequenceNode)choiceList).Cast<YamlMappingNode>())
                {
                    var recommended = choice.Children.TryGetValue(new YamlScalarNode("recommended"), out var r) ? ((YamlScalarNode)r).Value : null;
                    foreach (var member in ((YamlSequenceNode)choice["topics"]).Cast<YamlScalarNode>())
                        choices[member.Value!] = (((YamlScalarNode)choice["title"]).Value!, member.Value == recommended);
                }
            var optional = stage.Children.TryGetValue(new YamlScalarNode("optional"), out var optionalList)
                ? ((YamlSequenceNode)optionalList).Cast<YamlMappingNode>().Select(o => ((YamlScalarNode)o["topic"]).Value!).ToHashSet()
                : [];
            foreach (var slug in ((YamlSequenceNode)stage["topics"]).Cast<YamlScalarNode>())
            {
                var markdown = File.ReadAllText(Path.Combine(folder, "topics", slug.Value + ".md"));
                var frontMatter = ParseYaml(FrontMatter(markdown));
                var inChoice = choices.TryGetValue(slug.Value!, out var c);
                topics.Add(new TopicSource(slug.Value!, ((YamlScalarNode)frontMatter["title"]).Value!, stageTitle,
                    inChoice ? c.Title : null, optional.Contains(slug.Value!), inChoice && c.Recommended));
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
