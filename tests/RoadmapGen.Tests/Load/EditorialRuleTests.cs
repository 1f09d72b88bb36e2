using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Load;

/// <summary>The editorial rules a site sets in site.yml: read, applied at the topic's lines, and documented as they are.</summary>
public class EditorialRuleTests
{
    private static string Describe(EditorialRule rule) => rule.Severity == RuleSeverity.Off
        ? "off"
        : rule.Severity.ToString().ToLowerInvariant() + string.Concat(EditorialRules.Bounds(rule.Name)
            .Select(b => (Bound: b, Value: b == "min" ? rule.Min : rule.Max))
            .Where(b => b.Value != EditorialRules.Unbounded)
            .Select(b => $", {b.Bound} {b.Value}"));

    [Fact]
    public void Contributing_states_this_sites_rules_and_the_defaults_of_a_site_that_sets_none()
    {
        var site = SiteLoader.Load(TestPaths.Content, new DiagnosticBag())!;
        var guide = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, ".github", "CONTRIBUTING.md"));
        foreach (var (ours, lenient) in site.Config.Rules.All.Zip(EditorialRules.Lenient.All))
        {
            var row = Assert.Single(guide, l => l.StartsWith($"| `{ours.Name}` |", StringComparison.Ordinal));
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(Describe(ours), cells[^3]);
            Assert.Equal(Describe(lenient), cells[^2]);
            Assert.Contains($"  {ours.Name}: {{ severity: {Describe(ours).Split(',')[0]}", string.Join("\n", guide));
        }
    }

    [Fact]
    public void A_site_that_sets_no_rules_builds_a_topic_without_resources_with_a_warning_at_its_file()
    {
        using var site = new TinySite();
        site.Replace("roadmaps/tiny/topics/beta.md", "resources:\n  - title: Beta docs\n    url: https://example.com/beta\n    type: official\n", "");
        var result = site.Build();
        var warning = Assert.Single(result.Diagnostics.Sorted(), d => d.Code == Codes.TooFewResources);
        Assert.False(warning.IsError);
        Assert.EndsWith("topics/beta.md", warning.File);
        Assert.Contains("at least 1", warning.Message);
    }

    [Fact]
    public void Rules_set_as_errors_fail_the_build_at_the_lines_to_change()
    {
        using var site = new TinySite();
        File.AppendAllText(site.File("site.yml"), """

            rules:
              resources-per-topic: { severity: error, min: 2 }
              official-resource: { severity: warning }
              questions-per-topic: { severity: error, min: 1, max: 3 }
              topics-per-url: { severity: error, max: 1 }
            """);
        site.Replace("roadmaps/tiny/topics/beta.md", "url: https://example.com/beta", "url: https://example.com/alpha/");
        site.Replace("roadmaps/tiny/topics/beta.md", "type: official", "type: article");
        var result = SiteBuild.Run(new BuildOptions(site.Content, TestPaths.Templates, "/"));
        var found = result.Diagnostics.Sorted().Select(d => (File: Path.GetFileName(d.File), d.Line, d.Code, d.IsError))
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        // A missing 'questions:' is reported at the front matter's first field; the rest at the resources.
        Assert.Equal([
            ("alpha.md", 6, Codes.TooFewResources, true),
            ("alpha.md", 2, Codes.QuestionCount, true),
            ("beta.md", 6, Codes.TooFewResources, true),
            ("beta.md", 6, Codes.NoOfficialResource, false),
            ("beta.md", 2, Codes.QuestionCount, true),
            ("beta.md", 6, Codes.UrlOnTooManyTopics, true),
        ], found);
        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("resources-per-topic: { severity: fatal }", "'severity' of the rule 'resources-per-topic' is 'fatal'")]
    [InlineData("questions-per-topic: { severity: error, min: 5, max: 3 }", "at least 5 and at most 3")]
    [InlineData("topics-per-url: { severity: error, max: many }", "'max' of the rule 'topics-per-url' is 'many'")]
    public void A_rule_it_cannot_use_is_an_error_at_its_line_in_site_yml(string rule, string message)
    {
        using var site = new TinySite();
        var lines = File.ReadAllLines(site.File("site.yml")).Length;
        File.AppendAllText(site.File("site.yml"), "rules:\n  " + rule + "\n");
        var result = SiteBuild.Run(new BuildOptions(site.Content, TestPaths.Templates, "/"));
        var error = Assert.Single(result.Diagnostics.Sorted(), d => d.IsError);
        Assert.Equal(Codes.WrongType, error.Code);
        Assert.EndsWith("site.yml", error.File);
        Assert.Equal(lines + 2, error.Line);
        Assert.Contains(message, error.Message);
    }
}
