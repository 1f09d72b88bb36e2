using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Site;

/// <summary>
/// The editorial rules of CONTRIBUTING on the real content: what a reader can count on finding
/// on every topic page. The build checks form (fields, URLs, links); these check substance.
/// </summary>
public class EditorialRulesTests
{
    private static readonly Lazy<IReadOnlyList<Topic>> Topics = new(() =>
    {
        var bag = new DiagnosticBag();
        var site = SiteLoader.Load(TestPaths.Content, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return site!.Roadmaps.SelectMany(r => r.Topics).ToList();
    });

    /// <summary>Off-topic on nearly every page it was on; credited once on the about page instead.</summary>
    private const string GeneralPlaylist = "PLWKjhJtqVAbn21gs5UnLhCQ82f923WCgM";

    [Fact]
    public void Every_topic_has_three_resources_one_of_them_official_documentation_or_a_specification()
    {
        var short_ = Topics.Value.Where(t => t.Resources.Count < 3).Select(t => $"{t.Slug}: {t.Resources.Count} resources").ToList();
        var unofficial = Topics.Value.Where(t => t.Resources.All(r => r.Type != "official")).Select(t => t.Slug).ToList();
        Assert.True(short_.Count == 0, "fewer than 3 resources: " + string.Join(", ", short_));
        Assert.True(unofficial.Count == 0, "no official resource: " + string.Join(", ", unofficial));
    }

    [Fact]
    public void Every_topic_has_three_to_five_questions_to_check_yourself()
    {
        var wrong = Topics.Value.Where(t => t.Questions.Count is < 3 or > 5).Select(t => $"{t.Slug}: {t.Questions.Count}").ToList();
        Assert.True(wrong.Count == 0, "topics without 3-5 questions: " + string.Join(", ", wrong));
    }

    [Fact]
    public void No_resource_is_recommended_on_more_than_three_topics()
    {
        // A link on every page is a link nobody reads: each topic's resources are its own.
        var overused = Topics.Value.SelectMany(t => t.Resources.Select(r => (Url: r.Url.TrimEnd('/'), t.Slug)))
            .GroupBy(x => x.Url, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(x => x.Slug).Distinct().Count() > 3)
            .Select(g => $"{g.Key} on {string.Join(", ", g.Select(x => x.Slug))}")
            .ToList();
        Assert.True(overused.Count == 0, string.Join("\n", overused));
        Assert.DoesNotContain(Topics.Value, t => t.Resources.Any(r => r.Url.Contains(GeneralPlaylist, StringComparison.Ordinal)));
    }

    [Fact]
    public void One_url_has_one_type_everywhere()
    {
        var mixed = Topics.Value.SelectMany(t => t.Resources)
            .GroupBy(r => r.Url.TrimEnd('/'), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(r => r.Type).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.Type).Distinct())}")
            .ToList();
        Assert.True(mixed.Count == 0, string.Join("\n", mixed));
    }
}
