using System.Text;

namespace RoadmapGen.Tests.Serve;

/// <summary>
/// A small site held as a model (roadmaps, stages, topics with titles, prerequisites and bodies
/// that link to each other) and written to a folder from it, so random edits stay valid content
/// and each edit rewrites only the files whose text it changed.
/// </summary>
public sealed class SyntheticSite
{
    private static readonly string[] Words =
    [
        "cache", "queue", "index", "shard", "replica", "socket", "header", "token", "schema", "lock",
        "thread", "buffer", "proxy", "route", "batch", "stream", "cursor", "commit", "latency", "retry",
    ];

    public sealed class Topic
    {
        public required string Slug { get; init; }
        public required string Title { get; set; }
        public required string Summary { get; set; }
        public List<string> Prerequisites { get; } = [];
        public required string Body { get; set; }
    }

    public sealed record Stage(string Title, string Summary, List<string> Slugs);

    public sealed class Roadmap
    {
        public required string Id { get; init; }
        public required string Title { get; set; }
        public List<Stage> Stages { get; } = [];
        public Dictionary<string, Topic> Topics { get; } = new(StringComparer.Ordinal);

        public List<string> Order => Stages.SelectMany(s => s.Slugs).ToList();
    }

    private readonly Random _random;
    private int _nextSlug;

    public SyntheticSite(string root, int seed, int roadmaps = 2, int stages = 3, int topicsPerStage = 4)
    {
        Root = root;
        _random = new Random(seed);
        SiteTitle = "Synthetic roadmap";
        for (var r = 0; r < roadmaps; r++)
        {
            var roadmap = new Roadmap { Id = "map" + (char)('a' + r), Title = "Map " + (char)('A' + r) };
            for (var s = 0; s < stages; s++)
            {
                var stage = new Stage($"Stage {s + 1}", $"What stage {s + 1} covers.", []);
                roadmap.Stages.Add(stage);
                for (var t = 0; t < topicsPerStage; t++) AddTopic(roadmap, stage, stage.Slugs.Count);
            }
            Roadmaps.Add(roadmap);
        }
        foreach (var roadmap in Roadmaps)
            foreach (var topic in roadmap.Topics.Values)
                topic.Body = NewBody(roadmap, topic.Slug);
        Write();
    }

    public string Root { get; }
    public string Content => Path.Combine(Root, "content");
    public string SiteTitle { get; set; }
    public List<Roadmap> Roadmaps { get; } = [];

    public Random Random => _random;

    public Topic AddTopic(Roadmap roadmap, Stage stage, int position)
    {
        var slug = $"{Pick()}-{_nextSlug++}";
        var topic = new Topic { Slug = slug, Title = NewTitle(), Summary = NewSentence(), Body = "" };
        topic.Body = NewBody(roadmap, slug);
        roadmap.Topics[slug] = topic;
        stage.Slugs.Insert(position, slug);
        return topic;
    }

    /// <summary>Removes a topic and every mention of it, as a contributor deleting one would have to.</summary>
    public void DeleteTopic(Roadmap roadmap, string slug)
    {
        roadmap.Topics.Remove(slug);
        foreach (var stage in roadmap.Stages) stage.Slugs.Remove(slug);
        foreach (var other in roadmap.Topics.Values)
        {
            other.Prerequisites.Remove(slug);
            if (other.Body.Contains($"]({slug}.md", StringComparison.Ordinal)) other.Body = NewBody(roadmap, other.Slug);
        }
    }

    public string NewTitle() => char.ToUpperInvariant(Pick()[0]) + Pick()[1..] + " " + Pick() + " " + _random.Next(100);

    public string NewSentence() => char.ToUpperInvariant(Pick()[0]) + string.Join(' ', Enumerable.Range(0, 6).Select(_ => Pick()))[1..] + ".";

    /// <summary>A body with headings and links to other topics of its roadmap, some to their headings.</summary>
    public string NewBody(Roadmap roadmap, string self)
    {
        var others = roadmap.Topics.Keys.Where(s => s != self).ToList();
        var text = new StringBuilder();
        text.Append(NewSentence()).Append("\n\n## Key ideas\n\n");
        for (var i = 0; i < 2; i++)
        {
            text.Append(NewSentence());
            if (others.Count > 0)
            {
                var target = others[_random.Next(others.Count)];
                text.Append(_random.Next(2) == 0 ? $" See [{Pick()}]({target}.md)." : $" See [{Pick()}]({target}.md#key-ideas).");
            }
            text.Append("\n\n");
        }
        text.Append("## Practice\n\n- ").Append(NewSentence()).Append("\n- [Back to the ideas](#key-ideas)\n");
        return text.ToString();
    }

    private string Pick() => Words[_random.Next(Words.Length)];

    /// <summary>
    /// Files outside git are dated by their last-write time: each write moves it one day on from
    /// a fixed start, so a page's "Updated" date changes with every edit however fast the edits come.
    /// </summary>
    private static readonly DateTime FirstWrite = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private int _writes;

    /// <summary>Writes every file whose text differs from the model, deletes files the model no longer has; returns their full paths.</summary>
    public IReadOnlySet<string> Write()
    {
        var writtenAt = FirstWrite.AddDays(_writes++);
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Path.Combine(Content, "site.yml")] = $"title: {SiteTitle}\ndescription: A synthetic site for tests.\nrepository: https://github.com/example/synthetic\nurl: https://example.org/synthetic\n",
            [Path.Combine(Content, "pages", "index.md")] = "---\ntitle: Home\nsummary: The home page.\n---\n\nStart with [the first map](/mapa/) or [every topic](/topics/).\n",
            [Path.Combine(Content, "pages", "about.md")] = "---\ntitle: About\nsummary: About this site.\n---\n\nWhy this site exists.\n",
        };
        foreach (var roadmap in Roadmaps)
        {
            var dir = Path.Combine(Content, "roadmaps", roadmap.Id);
            var yml = new StringBuilder($"title: {roadmap.Title}\nsummary: Topics of {roadmap.Title}.\nstages:\n");
            foreach (var stage in roadmap.Stages)
                yml.Append($"  - title: {stage.Title}\n    summary: {stage.Summary}\n    topics: [{string.Join(", ", stage.Slugs)}]\n");
            wanted[Path.Combine(dir, "roadmap.yml")] = yml.ToString();
            foreach (var topic in roadmap.Topics.Values)
                wanted[Path.Combine(dir, "topics", topic.Slug + ".md")] =
                    $"---\ntitle: {topic.Title}\nsummary: {topic.Summary}\nprerequisites: [{string.Join(", ", topic.Prerequisites)}]\n"
                    + $"resources:\n  - title: Docs of {topic.Title}\n    url: https://example.com/{topic.Slug}\n    type: official\n---\n\n{topic.Body}";
        }
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, text) in wanted)
        {
            if (File.Exists(path) && File.ReadAllText(path) == text) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            File.SetLastWriteTimeUtc(path, writtenAt);
            changed.Add(path);
        }
        foreach (var path in Directory.GetFiles(Content, "*", SearchOption.AllDirectories))
        {
            if (wanted.ContainsKey(path)) continue;
            File.Delete(path);
            changed.Add(path);
        }
        return changed;
    }
}
