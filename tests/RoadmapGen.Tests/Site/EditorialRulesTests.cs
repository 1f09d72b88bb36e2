using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Site;

/// <summary>
/// Editorial checks of this site's content beyond the rules every site can set in site.yml
/// (resources, questions, URL reuse: build diagnostics, see EditorialChecks).
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
    public void The_general_playlist_is_on_no_topic()
    {
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
