using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Site;

/// <summary>The backend roadmap's path as a beginner meets it: alternatives grouped, and nothing needed before it is read.</summary>
public class LearningPathContentTests
{
    private static Roadmap Backend()
    {
        var bag = new DiagnosticBag();
        var site = SiteLoader.Load(TestPaths.Content, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return site!.Roadmaps.Single(r => r.Id == "backend");
    }

    [Fact]
    public void No_topic_needs_a_topic_that_comes_later_in_the_reading_order()
    {
        var forward = Backend().Topics
            .SelectMany(t => t.Prerequisites.Where(p => p.Index > t.Index).Select(p => $"{t.Slug} (#{t.Index + 1}) needs {p.Slug} (#{p.Index + 1})"))
            .ToList();
        Assert.Empty(forward);
    }

    [Theory]
    [InlineData("python", "python,nodejs,java,php,ruby,csharp-dotnet,go,rust")]
    [InlineData("postgresql", "mysql,postgresql")]
    [InlineData("nginx", "nginx,apache,caddy")]
    public void Alternatives_are_one_choice_with_a_recommended_topic_and_its_reason(string recommended, string members)
    {
        var topic = Backend().Topics.Single(t => t.Slug == recommended);
        var choice = topic.Choice;
        Assert.NotNull(choice);
        Assert.Equal(members.Split(','), choice.Topics.Select(t => t.Slug));
        Assert.Same(topic, choice.Recommended);
        Assert.False(string.IsNullOrWhiteSpace(choice.Reason));
    }

    [Fact]
    public void Programming_and_debugging_come_before_the_first_page_that_shows_code_and_indexing_sits_with_databases()
    {
        var topics = Backend().Topics.ToDictionary(t => t.Slug);
        foreach (var codeHeavy in new[] { "client-and-server", "frontend-frameworks", "threads-and-concurrency" })
            Assert.True(topics["programming-fundamentals"].Index < topics[codeHeavy].Index, $"programming-fundamentals comes after {codeHeavy}");
        Assert.Same(topics["programming-fundamentals"].Stage, topics["debugging"].Stage);
        Assert.Same(topics["databases"].Stage, topics["database-indexing"].Stage);
        Assert.DoesNotContain(topics["message-queues"].Prerequisites, p => p.Slug == "microservices");
        Assert.DoesNotContain(topics["mongodb"].Prerequisites, p => p.Slug == "javascript");
        Assert.DoesNotContain(topics["firebase"].Prerequisites, p => p.Slug == "javascript");
        Assert.True(topics["github"].Index < topics["ci-cd"].Index);
        Assert.DoesNotContain("```yaml", File.ReadAllText(topics["github"].File.FullPath));
    }

    [Fact]
    public void A_backend_as_a_service_and_a_niche_web_server_are_optional_not_alternatives_to_a_database_or_a_web_server()
    {
        var topics = Backend().Topics.ToDictionary(t => t.Slug);
        Assert.Equal(TopicKind.Required, topics["mongodb"].Kind);
        Assert.Equal(TopicKind.Optional, topics["firebase"].Kind);
        Assert.Equal(TopicKind.Optional, topics["litespeed"].Kind);
        Assert.Equal(topics["sharding-and-partitioning"].Kind, topics["cap-theorem"].Kind);
    }

    [Fact]
    public void No_page_shows_a_command_before_the_terminal_page_or_a_program_before_the_first_program_page()
    {
        var topics = Backend().Topics;
        var terminal = topics.Single(t => t.Slug == "first-terminal");
        var program = topics.Single(t => t.Slug == "first-program");
        string Body(Topic t) => File.ReadAllText(t.File.FullPath);
        Assert.Empty(topics.Where(t => t.Index < terminal.Index && Body(t).Contains("```")).Select(t => t.Slug));
        Assert.Empty(topics.Where(t => t.Index < program.Index
                && System.Text.RegularExpressions.Regex.IsMatch(Body(t), "```(python|javascript|java|go|rust|csharp|php|ruby|nginx|apache|yaml|sql)\\b"))
            .Select(t => t.Slug));
    }

    [Fact]
    public void Version_control_follows_programming_testing_follows_the_first_framework_and_projects_are_not_all_at_the_end()
    {
        var topics = Backend().Topics.ToDictionary(t => t.Slug);
        Assert.Equal(topics["data-structures-and-algorithms"].Index + 1, topics["version-control"].Index);
        Assert.Equal(topics["web-frameworks"].Index + 1, topics["testing"].Index);
        var last = Backend().Stages[^1];
        Assert.NotSame(last, topics["project-crm"].Stage);
        Assert.NotSame(last, topics["build-projects"].Stage);
        Assert.True(topics["integration-testing"].Index > topics["api-frameworks"].Index);
    }

    [Fact]
    public void Every_optional_topic_says_why_it_can_be_skipped()
    {
        var optional = Backend().Topics.Where(t => t.Kind == TopicKind.Optional).ToList();
        Assert.NotEmpty(optional);
        Assert.All(optional, t => Assert.False(string.IsNullOrWhiteSpace(t.OptionalNote), t.Slug));
    }
}
