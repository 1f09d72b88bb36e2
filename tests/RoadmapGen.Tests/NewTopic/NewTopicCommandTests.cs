using RoadmapGen.Diagnostics;
using RoadmapGen.Cli;

namespace RoadmapGen.Tests.NewTopic;

/// <summary>`new topic` on a temporary copy of the real content.</summary>
public class NewTopicCommandTests : IDisposable
{
    private readonly TempDirs _temp = new();

    public void Dispose() => _temp.Dispose();

    private string CopyOfContent()
    {
        var content = Path.Combine(_temp.New(), "content");
        RepositoryFiles.CopyContent(content);
        return content;
    }

    private static string RoadmapYml(string content) => Path.Combine(content, "roadmaps", "backend", "roadmap.yml");

    [Fact]
    public void New_topic_is_written_listed_last_and_the_site_builds_with_its_page()
    {
        var content = CopyOfContent();
        var before = File.ReadAllLines(RoadmapYml(content));
        var output = new StringWriter();

        var exit = NewCommand.RunTopic(content, "backend", "trpc", "tRPC: typed remote procedure calls", output);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(content, "roadmaps", "backend", "topics", "trpc.md")));
        var after = File.ReadAllLines(RoadmapYml(content));
        // One line changed, and it is the last stage's list: comments and everything else kept as written.
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal(before.Length, after.Length);
        var line = Assert.Single(changed);
        Assert.Equal(before[line].Replace("]", ", trpc]"), after[line]);
        // The last stage's own list, not a choice's list of alternatives below it.
        Assert.Equal(Array.FindLastIndex(before, l => l.StartsWith("    topics: [", StringComparison.Ordinal)), line);
        Assert.Contains("serve", output.ToString());

        // The placeholders fail the build at their lines, and nothing else does.
        var build = SiteBuild.Run(new BuildOptions(content, TestPaths.Templates));
        var errors = build.Diagnostics.Sorted().Where(d => d.IsError).ToList();
        Assert.All(errors, e => Assert.EndsWith("topics/trpc.md", e.File));
        Assert.Equal([3, 8, 11, 16], errors.Where(e => e.Code == Codes.PlaceholderLeft).Select(e => e.Line));

        // Written out, with what this site's rules ask (three resources, one official; three questions), it builds.
        var topic = Path.Combine(content, "roadmaps", "backend", "topics", "trpc.md");
        File.WriteAllText(topic, """
            ---
            title: "tRPC: typed remote procedure calls"
            summary: Call server functions from TypeScript with types checked end to end.
            resources:
              - { title: tRPC documentation, url: "https://trpc.io/docs", type: official }
              - { title: tRPC on GitHub, url: "https://github.com/trpc/trpc", type: tool }
              - { title: tRPC concepts, url: "https://trpc.io/docs/concepts", type: article }
            questions:
              - { question: What does tRPC share between client and server?, answer: The router's types. }
              - { question: Does tRPC need code generation?, answer: "No." }
              - { question: Which language does it serve?, answer: TypeScript. }
            ---

            tRPC lets a TypeScript client call server procedures with their types.
            """);
        build = SiteBuild.Run(new BuildOptions(content, TestPaths.Templates));
        Assert.Empty(build.Diagnostics.Sorted().Where(d => d.IsError).Select(d => d.ToString()));
        var page = build.Files.Single(f => f.Path == "backend/trpc/index.html");
        Assert.Contains("<h1>tRPC: typed remote procedure calls</h1>", page.Html);
    }

    [Fact]
    public void Slug_that_is_not_lowercase_kebab_is_refused_with_a_suggestion()
    {
        var content = CopyOfContent();
        var before = File.ReadAllText(RoadmapYml(content));
        var output = new StringWriter();
        Assert.Equal(1, NewCommand.RunTopic(content, "backend", "Message_Queues", null, output));
        Assert.Contains("topics/Message_Queues.md: error RG0106: 'Message_Queues' is not a lowercase-kebab slug", output.ToString());
        Assert.Contains("like 'message-queues'", output.ToString());
        Assert.False(File.Exists(Path.Combine(content, "roadmaps", "backend", "topics", "Message_Queues.md")));
        Assert.Equal(before, File.ReadAllText(RoadmapYml(content)));
    }

    [Fact]
    public void Slug_of_an_existing_topic_is_refused_at_that_topic()
    {
        var content = CopyOfContent();
        var caching = Path.Combine(content, "roadmaps", "backend", "topics", "caching.md");
        var before = File.ReadAllText(caching);
        var output = new StringWriter();
        Assert.Equal(1, NewCommand.RunTopic(content, "backend", "caching", null, output));
        Assert.Contains("topics/caching.md(1,1): error RG0107: topic 'caching' already exists", output.ToString());
        Assert.Equal(before, File.ReadAllText(caching));
    }

    [Fact]
    public void Slug_of_the_roadmaps_own_page_is_refused()
    {
        var content = CopyOfContent();
        var output = new StringWriter();
        Assert.Equal(1, NewCommand.RunTopic(content, "backend", "all", null, output));
        // The build's code for the same mistake: a route collision, not a duplicate slug.
        Assert.Contains("error RG0403", output.ToString());
    }

    [Fact]
    public void Unknown_roadmap_is_refused_with_the_closest_name()
    {
        var content = CopyOfContent();
        var output = new StringWriter();
        Assert.Equal(1, NewCommand.RunTopic(content, "bakend", "trpc", null, output));
        Assert.Contains("roadmaps/bakend: error RG0123: there is no roadmap 'bakend' (did you mean 'backend'?", output.ToString());
        Assert.False(Directory.Exists(Path.Combine(content, "roadmaps", "bakend")));
    }

    [Fact]
    public void Topic_listed_without_a_file_gets_its_file_and_is_not_listed_twice()
    {
        var content = CopyOfContent();
        var yml = RoadmapYml(content);
        File.WriteAllText(yml, File.ReadAllText(yml).Replace("topics: [caching, cdn,", "topics: [caching, trpc, cdn,"));
        var before = File.ReadAllText(yml);
        var output = new StringWriter();

        Assert.Equal(0, NewCommand.RunTopic(content, "backend", "trpc", null, output));

        Assert.Equal(before, File.ReadAllText(yml));
        Assert.Contains("already listed", output.ToString());
        // It fails only for the placeholders of the new file.
        Assert.All(SiteBuild.Run(new BuildOptions(content, TestPaths.Templates)).Diagnostics.Sorted().Where(d => d.IsError),
            e => Assert.EndsWith("topics/trpc.md", e.File));
    }

    [Fact]
    public void Template_is_valid_and_every_placeholder_says_to_replace_it()
    {
        var text = TopicTemplate.Text("Message queues");
        Assert.StartsWith("---\ntitle: Message queues\n", text);
        Assert.Contains("## Why backend developers need it", text);
        Assert.Contains("## What to learn next", text);
        Assert.Equal(2, text.Split("url: https://example.com/replace-").Length - 1);
    }
}
