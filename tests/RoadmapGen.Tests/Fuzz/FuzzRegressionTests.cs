using RoadmapGen.Cli;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Fuzz;

/// <summary>Crashes the content fuzzer found, each pinned by the smallest input that caused it.</summary>
public class FuzzRegressionTests : IDisposable
{
    private readonly TempDirs _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Topic(string frontMatterExtra = "", string body = "Text.\n") => $"""
        ---
        title: Alpha
        summary: The first topic.
        {frontMatterExtra}resources:
          - title: One
            url: https://example.com/one
            type: article
        ---

        {body}
        """;

    /// <summary>A one-topic content tree with the given alpha.md.</summary>
    private string Content(string alpha)
    {
        var content = Path.Combine(_temp.New(), "content");
        Directory.CreateDirectory(Path.Combine(content, "roadmaps", "tiny", "topics"));
        File.WriteAllText(Path.Combine(content, "site.yml"), "title: T\ndescription: D\n");
        File.WriteAllText(Path.Combine(content, "roadmaps", "tiny", "roadmap.yml"), "title: Tiny\nsummary: S\nstages:\n  - title: One\n    topics: [alpha]\n");
        File.WriteAllText(Path.Combine(content, "roadmaps", "tiny", "topics", "alpha.md"), alpha);
        return content;
    }

    private static IReadOnlyList<Diagnostic> Errors(string content) =>
        SiteBuild.Run(new BuildOptions(content, TestPaths.Templates)).Diagnostics.Sorted().Where(d => d.IsError).ToList();

    [Fact]
    public void Deeply_nested_yaml_in_front_matter_is_a_yaml_error_not_a_stack_overflow()
    {
        var errors = Errors(Content(Topic($"prerequisites: {new string('[', 50_000)}\n")));
        var error = Assert.Single(errors);
        Assert.Equal(Codes.YamlSyntax, error.Code);
        Assert.EndsWith("topics/alpha.md", error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains($"nested more than {YamlLimits.MaxDepth} levels deep", error.Message);
    }

    [Theory]
    [InlineData("&a [*a]: x\n")]
    [InlineData("? &a [x, *a]\n")]
    [InlineData("x: &a [*a, *a]\n")]
    public void Alias_inside_its_own_anchor_is_a_yaml_error_not_a_stack_overflow(string yaml)
    {
        var error = Assert.Single(Errors(Content(Topic(yaml))));
        Assert.Equal(Codes.YamlSyntax, error.Code);
        Assert.Contains("the alias '*a'", error.Message);
    }

    [Fact]
    public void Yaml_nested_as_deep_as_the_limit_still_loads()
    {
        var nested = new string('[', YamlLimits.MaxDepth - 1) + new string(']', YamlLimits.MaxDepth - 1);
        var map = YamlMap.Parse($"list: {nested}\n", "x.yml", 1, new DiagnosticBag(), "x");
        Assert.NotNull(map);
    }

    [Fact]
    public void Deeply_nested_yaml_in_roadmap_yml_does_not_crash_new_topic()
    {
        var content = Content(Topic());
        File.WriteAllText(Path.Combine(content, "roadmaps", "tiny", "roadmap.yml"), $"title: Tiny\nsummary: S\nstages: {new string('[', 50_000)}\n");
        var output = new StringWriter();
        Assert.Equal(1, NewCommand.RunTopic(content, "tiny", "beta", null, output));
        Assert.Contains("error RG0101: roadmap.yml is not valid YAML", output.ToString());
    }

    public static TheoryData<string> TooDeep => new()
    {
        new string('[', 300) + "x",
        new string('*', 400) + "x" + new string('*', 400),
        new string('>', 200) + " x",
        string.Concat(Enumerable.Range(0, 80).Select(i => new string(' ', 2 * i) + "- item\n")),
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Markdown_nested_past_what_markdig_renders_is_reported_in_the_body_at_load(string deep)
    {
        var errors = Errors(Content(Topic(body: "Intro.\n\n" + deep + "\n")));
        var error = Assert.Single(errors);
        Assert.Equal(Codes.MarkdownTooDeep, error.Code);
        Assert.EndsWith("topics/alpha.md", error.File);
        // Line 9 is the body's first line, where a text Markdig refused to parse at all is reported.
        Assert.True(error.Line >= 9, $"reported at line {error.Line}, in the front matter");
    }

    [Fact]
    public void Markdown_nested_near_the_limit_still_builds()
    {
        var body = new string('[', MarkdownParser.MaxNesting - 8) + "x\n\n" + new string('>', 40) + " quoted\n";
        Assert.Empty(Errors(Content(Topic(body: body))).Select(d => d.ToString()));
    }
}
