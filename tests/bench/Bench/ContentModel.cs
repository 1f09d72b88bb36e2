namespace RoadmapGen.Bench;

/// <summary>A typed learning resource of a topic (type is one of <see cref="ResourceTypes"/>).</summary>
public sealed record Resource(string Title, string Url, string Type)
{
    public static readonly string[] ResourceTypes = ["article", "video", "course", "book", "official", "tool"];
}

/// <summary>
/// One topic. <see cref="Body"/> is Markdown in RoadmapGen's form: cross-links are written as
/// <c>[text](other-slug.md)</c> or <c>[text](other-slug.md#heading-id)</c>.
/// </summary>
public sealed record Topic(
    string Roadmap,
    string Slug,
    string Title,
    string Summary,
    IReadOnlyList<string> Prerequisites,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<string> HeadingIds,
    string Body,
    int WordCount,
    int LinkCount);

public sealed record Stage(string Title, string Summary, IReadOnlyList<string> Topics);

public sealed record Roadmap(string Id, string Title, string Summary, IReadOnlyList<Stage> Stages, IReadOnlyList<Topic> Topics);

/// <summary>The whole synthetic site: several roadmaps, each with stages of ~20 topics.</summary>
public sealed record Corpus(string SiteTitle, string SiteDescription, IReadOnlyList<Roadmap> Roadmaps)
{
    public int TopicCount => Roadmaps.Sum(r => r.Topics.Count);

    public IEnumerable<Topic> AllTopics => Roadmaps.SelectMany(r => r.Topics);
}
