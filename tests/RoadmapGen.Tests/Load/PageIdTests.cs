using System.Text.RegularExpressions;
using RoadmapGen.Load;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Load;

/// <summary>Ids the templates write and ids the content gives never meet on a page.</summary>
public partial class PageIdTests
{
    [GeneratedRegex("""\bid="([^"{]+)"(?!\s*\{\{)""")]
    private static partial Regex FixedId();

    [Fact]
    public void Every_fixed_id_a_template_writes_is_one_no_stage_or_topic_may_take()
    {
        var ids = Directory.GetFiles(TestPaths.Templates, "*.sbn-html", SearchOption.AllDirectories)
            .SelectMany(f => FixedId().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Id: m.Groups[1].Value)))
            .ToList();
        Assert.Contains(ids, i => i.Id == "main");
        var missing = ids.Where(i => !PageIds.Fixed.Contains(i.Id)).Select(i => $"{i.File}: {i.Id}").ToList();
        Assert.True(missing.Count == 0, "add these to PageIds.Fixed: " + string.Join(", ", missing));
    }

    [Fact]
    public void Topics_slugged_like_the_ids_of_the_whole_roadmap_page_build_without_a_duplicate_id()
    {
        // Slugs that read like the ids the page makes from other slugs: a stage's, a title's, a kind heading's.
        using var site = new TinySite();
        foreach (var slug in new[] { "stage-basics", "alpha-title", "kind-heading-alpha", "title-alpha", "basics" })
            File.WriteAllText(site.File($"roadmaps/tiny/topics/{slug}.md"),
                File.ReadAllText(site.File("roadmaps/tiny/topics/beta.md")).Replace("title: Beta", "title: T " + slug));
        site.Replace("roadmaps/tiny/roadmap.yml", "topics: [alpha, beta]", "topics: [alpha, beta, stage-basics, alpha-title, kind-heading-alpha, title-alpha, basics]");
        var result = site.Build();
        Assert.DoesNotContain(result.Diagnostics.Sorted(), d => d.Code == RoadmapGen.Diagnostics.Codes.DuplicateId);
        Assert.Equal(7, result.Files.Count(f => f.Path.StartsWith("tiny/", StringComparison.Ordinal) && f.Path.EndsWith("/index.html", StringComparison.Ordinal)) - 2);
    }
}
