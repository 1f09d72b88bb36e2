using System.Text.Json;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Load;

/// <summary>
/// Choices and optional topics in roadmap.yml: what Load makes of them, and what the build
/// writes for them. Each diagnostic's wording and position is pinned by a golden case.
/// </summary>
public sealed class LearningPathTests : IDisposable
{
    private readonly string _work = TestPaths.NewTempDir();

    private string Content => Path.Combine(_work, "content");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>The golden tiny site, plus topics gamma and delta (without prerequisites) and the given stage YAML.</summary>
    private void Write(string stages, string? betaPrerequisites = null)
    {
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Golden, "_base"), _work);
        var topics = Path.Combine(Content, "roadmaps", "tiny", "topics");
        foreach (var slug in new[] { "gamma", "delta" })
            File.WriteAllText(Path.Combine(topics, slug + ".md"),
                $"---\ntitle: {slug}\nsummary: About {slug}.\nprerequisites: []\nresources:\n  - title: Docs\n    url: https://example.com/{slug}\n    type: official\n---\n\nText.\n");
        if (betaPrerequisites is not null)
        {
            var beta = Path.Combine(topics, "beta.md");
            File.WriteAllText(beta, File.ReadAllText(beta).Replace("prerequisites: [alpha]", $"prerequisites: [{betaPrerequisites}]"));
        }
        File.WriteAllText(Path.Combine(Content, "roadmaps", "tiny", "roadmap.yml"), "title: Tiny\nsummary: Four topics.\nstages:\n" + stages);
    }

    private (Roadmap Roadmap, IReadOnlyList<Diagnostic> Diagnostics) Load()
    {
        var bag = new DiagnosticBag();
        var site = SiteLoader.Load(Content, bag);
        Assert.NotNull(site);
        return (site.Roadmaps.Single(), bag.Sorted());
    }

    private const string Grouped = """
          - title: Basics
            summary: The first stage.
            topics: [alpha, beta, gamma, delta]
            choices:
              - title: tool
                topics: [gamma, beta]
                recommended: gamma
                reason: Gamma is simpler to start with.
            optional:
              - topic: delta
                note: Delta only matters at scale.

        """;

    [Fact]
    public void A_plain_topics_list_makes_every_topic_required()
    {
        Write("  - title: Basics\n    topics: [alpha, beta, gamma, delta]\n", betaPrerequisites: "alpha");
        var (roadmap, diagnostics) = Load();
        Assert.Empty(diagnostics);
        Assert.All(roadmap.Topics, t => Assert.Equal(TopicKind.Required, t.Kind));
        Assert.Empty(roadmap.Stages[0].Choices);
        Assert.Equal(4, RoadmapGen.Render.Views.SiteViews.PathCount(roadmap.Topics));
    }

    [Fact]
    public void A_choice_and_an_optional_topic_mark_their_topics_and_keep_the_stages_reading_order()
    {
        Write(Grouped, betaPrerequisites: "alpha");
        var (roadmap, diagnostics) = Load();
        Assert.Empty(diagnostics);
        Assert.Equal(["alpha", "beta", "gamma", "delta"], roadmap.Topics.Select(t => t.Slug));
        var choice = Assert.Single(roadmap.Stages[0].Choices);
        // Alternatives in reading order, whatever order the choice names them in.
        Assert.Equal(["beta", "gamma"], choice.Topics.Select(t => t.Slug));
        Assert.Equal("gamma", choice.Recommended?.Slug);
        Assert.Equal("Gamma is simpler to start with.", choice.Reason);
        Assert.Equal("tool", choice.Title);
        Assert.Equal([TopicKind.Required, TopicKind.Choice, TopicKind.Choice, TopicKind.Optional], roadmap.Topics.Select(t => t.Kind));
        Assert.Same(choice, roadmap.Topics[1].Choice);
        Assert.Equal("Delta only matters at scale.", roadmap.Topics[3].OptionalNote);
        // alpha, and one of beta or gamma: delta is not on the path.
        Assert.Equal(2, RoadmapGen.Render.Views.SiteViews.PathCount(roadmap.Topics));
    }

    [Fact]
    public void A_choice_naming_a_listed_topic_whose_file_is_missing_reports_only_the_missing_file()
    {
        Write("""
              - title: Basics
                topics: [alpha, beta, ghost]
                choices:
                  - title: tool
                    topics: [beta, ghost]

            """, betaPrerequisites: "alpha");
        File.Delete(Path.Combine(Content, "roadmaps", "tiny", "topics", "gamma.md"));
        File.Delete(Path.Combine(Content, "roadmaps", "tiny", "topics", "delta.md"));
        var (_, diagnostics) = Load();
        Assert.Equal(["RG0108"], diagnostics.Select(d => d.Code));
    }

    [Theory]
    [InlineData("delta", "RG0136")]   // required beta needs the optional delta
    [InlineData("gamma", "RG0135")]   // required beta needs gamma, which a reader who picks alpha never learns
    public void A_prerequisite_the_path_cannot_promise_is_an_error_at_its_line(string prerequisite, string expected)
    {
        Write("""
              - title: Basics
                topics: [beta, alpha, gamma, delta]
                choices:
                  - title: tool
                    topics: [alpha, gamma]
                optional:
                  - topic: delta
                    note: Delta only matters at scale.

            """, betaPrerequisites: prerequisite);
        var (_, diagnostics) = Load();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(expected, diagnostic.Code);
        Assert.EndsWith("beta.md", diagnostic.File);
        Assert.Equal(4, diagnostic.Line);
    }

    [Fact]
    public void Alternatives_may_build_on_each_other_and_optional_topics_on_optional_ones()
    {
        Write("""
              - title: Basics
                topics: [alpha, beta, gamma, delta]
                choices:
                  - title: tool
                    topics: [alpha, beta]
                optional:
                  - topic: gamma
                    note: Gamma is extra.
                  - topic: delta
                    note: Delta is extra too.

            """, betaPrerequisites: "alpha");
        var delta = Path.Combine(Content, "roadmaps", "tiny", "topics", "delta.md");
        File.WriteAllText(delta, File.ReadAllText(delta).Replace("prerequisites: []", "prerequisites: [gamma]"));
        var (_, diagnostics) = Load();
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void The_json_export_carries_each_topics_kind_and_the_choices()
    {
        Write(Grouped, betaPrerequisites: "alpha");
        var result = SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates, "/"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        using var json = JsonDocument.Parse(result.Files.Single(f => f.Path == "tiny/roadmap.json").Content);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("pathCount").GetInt32());
        var stage = root.GetProperty("stages")[0];
        var kinds = stage.GetProperty("topics").EnumerateArray()
            .ToDictionary(t => t.GetProperty("slug").GetString()!, t => t.GetProperty("kind").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["alpha"] = "required", ["beta"] = "choice", ["gamma"] = "choice", ["delta"] = "optional" }, kinds);
        Assert.Equal("Delta only matters at scale.", stage.GetProperty("topics")[3].GetProperty("optionalNote").GetString());
        var choice = Assert.Single(stage.GetProperty("choices").EnumerateArray());
        Assert.Equal("tool", choice.GetProperty("title").GetString());
        Assert.Equal("gamma", choice.GetProperty("recommended").GetString());
        Assert.Equal(["beta", "gamma"], choice.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("slug").GetString()));
        Assert.Equal(choice.GetProperty("id").GetString(), stage.GetProperty("topics")[1].GetProperty("choice").GetString());
    }

    private static string WithWhen(string when) => Grouped.Replace("        reason: Gamma is simpler to start with.\n",
        "        reason: Gamma is simpler to start with.\n        when:\n" + when);

    [Fact]
    public void A_choices_when_gives_each_alternative_its_sentence()
    {
        Write(WithWhen("          beta: You already use beta at work.\n          gamma: You start from nothing.\n"), betaPrerequisites: "alpha");
        var (roadmap, diagnostics) = Load();
        Assert.Empty(diagnostics);
        var choice = Assert.Single(roadmap.Stages[0].Choices);
        Assert.Equal("You already use beta at work.", choice.When["beta"]);
        Assert.Equal("You start from nothing.", choice.When["gamma"]);
    }

    [Fact]
    public void A_when_for_a_topic_outside_the_choice_or_one_left_out_is_an_error_at_its_line()
    {
        Write(WithWhen("          beta: You already use beta at work.\n          alpha: Never.\n"), betaPrerequisites: "alpha");
        var (_, diagnostics) = Load();
        var wrong = Assert.Single(diagnostics, d => d.Code == Codes.ChoiceWhenNotAlternative);
        Assert.Equal(Severity.Error, wrong.Severity);
        Assert.EndsWith("roadmap.yml", wrong.File);
        Assert.Equal(14, wrong.Line);
        Assert.Contains("'alpha'", wrong.Message);
        var missing = Assert.Single(diagnostics, d => d.Code == Codes.ChoiceWhenIncomplete);
        Assert.Equal(13, missing.Line);
        Assert.Contains("gamma", missing.Message);
    }

    [Fact]
    public void Previous_and_next_treat_a_choice_as_one_step_entered_at_its_recommended_topic()
    {
        Write(Grouped, betaPrerequisites: "alpha");
        var (roadmap, diagnostics) = Load();
        Assert.Empty(diagnostics);
        Topic T(string slug) => roadmap.Topics.Single(t => t.Slug == slug);
        var path = RoadmapGen.Render.Views.ReadingPath.Neighbours;
        Assert.Equal((null, T("gamma")), path(T("alpha")));
        // Either alternative leads back before the group and on past it.
        Assert.Equal((T("alpha"), T("delta")), path(T("beta")));
        Assert.Equal((T("alpha"), T("delta")), path(T("gamma")));
        Assert.Equal((T("gamma"), null), path(T("delta")));
    }
}
