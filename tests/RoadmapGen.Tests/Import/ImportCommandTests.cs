using RoadmapGen.Cli;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Import;

/// <summary>`import roadmap.sh SRC OUT` on a small made-up roadmap in roadmap.sh's format.</summary>
public class ImportCommandTests
{
    private static (int Exit, string Output) Import(RoadmapShFixture fixture)
    {
        var output = new StringWriter();
        var exit = ImportCommand.Run(fixture.Source, fixture.Out, output);
        return (exit, output.ToString());
    }

    [Fact]
    public void Diagram_topics_become_stages_with_their_subtopics_and_the_import_builds()
    {
        using var fixture = new RoadmapShFixture();
        var (exit, output) = Import(fixture);
        Assert.Equal(0, exit);

        var site = SiteLoader.Load(Path.Combine(fixture.Out), new RoadmapGen.Diagnostics.DiagnosticBag())!;
        var roadmap = Assert.Single(site.Roadmaps);
        Assert.Equal("Kettle", roadmap.Title);
        Assert.Equal("Step by step guide to boiling water", roadmap.Summary);
        // Two topic nodes titled "Basics" get distinct ids; heat is nearest the first, main-topic joins the
        // second by its edge; a stage is its topic, then its subtopics top to bottom; files off the diagram come last.
        Assert.Equal([("basics", "Basics", "water heat"), ("basics-2", "Basics", "kettles main-topic steam"), ("more-topics", "More topics", "main-topic-2 tea")],
            roadmap.Stages.Select(s => (s.Id, s.Title, string.Join(" ", s.Topics.Select(t => t.Slug)))));
        var water = roadmap.Topics.Single(t => t.Slug == "water");
        Assert.Equal("Water is wet.", water.Summary);
        Assert.Equal([("official", "https://water.example.org/facts"), ("community", "https://feed.example.org/")], water.Resources.Select(r => (r.Type, r.Url)));
        Assert.Equal("Heat makes things warm!", roadmap.Topics.Single(t => t.Slug == "heat").Summary);
        Assert.Equal("tool", roadmap.Topics.Single(t => t.Slug == "heat").Resources[0].Type);

        Assert.Contains("changed: src/data/roadmaps/kettle/content/Main@n5.md: slug 'Main' → 'main-topic'", output);
        Assert.Contains("changed: src/data/roadmaps/kettle/content/main@n7.md: slug 'main' → 'main-topic-2'", output);
        Assert.Contains("title 'Kettle Roadmap' → 'Kettle'", output);
        Assert.Contains("problem: src/data/roadmaps/kettle/kettle.json(8): subtopic node 'Gone' (n9) has no content file", output);

        // Lenient defaults: the one topic without resources is a warning, and the site builds.
        var build = SiteBuild.Run(new BuildOptions(fixture.Out, TestPaths.Templates, "/"));
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics.Sorted()));
        var warning = Assert.Single(build.Diagnostics.Sorted());
        Assert.Equal(RoadmapGen.Diagnostics.Codes.TooFewResources, warning.Code);
        Assert.EndsWith("main-topic-2.md", warning.File);
    }

    [Fact]
    public void Bad_files_are_named_and_the_rest_is_imported()
    {
        using var fixture = new RoadmapShFixture();
        File.WriteAllText(Path.Combine(fixture.RoadmapDir, "content", "nohead@n8.md"), "\nJust text.\n");
        File.WriteAllText(Path.Combine(fixture.RoadmapDir, "content", "squashed@n11.md"), "#Squashed\n\nNo space after the hash.\n");
        File.WriteAllText(Path.Combine(fixture.RoadmapDir, "content", "empty@n12.md"), "\n");
        File.WriteAllText(Path.Combine(fixture.RoadmapDir, "content", "index.md"), "# \n\nAn overview without a title.\n");
        fixture.Topic("odd@n10", "Odd", "An odd resource.", "- [@blogpost@Odd](https://odd.example.org/)");
        File.WriteAllText(Path.Combine(fixture.RoadmapDir, "kettle.json"), "{ \"nodes\": [ ");
        var (exit, output) = Import(fixture);
        Assert.Equal(0, exit);
        // Each at its line, with the fix: the first line that is not blank is line 2.
        Assert.Contains("problem: src/data/roadmaps/kettle/content/nohead@n8.md(2): skipped: its first line is not a '# Title' heading (make it '# Just text.')", output);
        Assert.Contains("problem: src/data/roadmaps/kettle/content/squashed@n11.md(1): skipped: its first line is not a '# Title' heading (put a space after the '#')", output);
        Assert.Contains("problem: src/data/roadmaps/kettle/content/empty@n12.md: skipped: the file is empty", output);
        Assert.Contains("problem: src/data/roadmaps/kettle/content/odd@n10.md(7): unknown resource type '@blogpost@'", output);
        Assert.Contains("problem: src/data/roadmaps/kettle/content/index.md(1): skipped: its '# ' heading has no title", output);
        Assert.True(output.Contains("problem: src/data/roadmaps/kettle/kettle.json(1,14): not valid JSON", StringComparison.Ordinal), output);
        var roadmap = Assert.Single(SiteLoader.Load(fixture.Out, new RoadmapGen.Diagnostics.DiagnosticBag())!.Roadmaps);
        var stage = Assert.Single(roadmap.Stages);
        Assert.Equal(8, stage.Topics.Count);
        Assert.DoesNotContain(roadmap.Topics, t => t.Slug == "nohead");
    }

    [Fact]
    public void It_never_writes_into_a_folder_it_did_not_make()
    {
        using var fixture = new RoadmapShFixture();
        Directory.CreateDirectory(fixture.Out);
        File.WriteAllText(Path.Combine(fixture.Out, "notes.txt"), "mine");
        var (exit, output) = Import(fixture);
        Assert.Equal(1, exit);
        Assert.Contains("already exists and was not made by import", output);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(fixture.Out).Select(Path.GetFileName));

        // A folder it made is replaced by the next import.
        Directory.Delete(fixture.Out, recursive: true);
        Assert.Equal(0, Import(fixture).Exit);
        Assert.Equal(0, Import(fixture).Exit);
    }

    [Fact]
    public void A_roadmap_folder_named_like_a_built_in_page_gets_another_id_and_the_site_builds()
    {
        using var fixture = new RoadmapShFixture();
        var roadmaps = Path.GetDirectoryName(fixture.RoadmapDir)!;
        TestPaths.CopyDirectory(fixture.RoadmapDir, Path.Combine(roadmaps, "roadmaps"));
        var (exit, output) = Import(fixture);
        Assert.Equal(0, exit);
        Assert.True(output.Contains("changed: roadmap 'roadmaps' → 'roadmaps-2' (another folder or a built-in page has that URL)", StringComparison.Ordinal), output);
        var build = SiteBuild.Run(new BuildOptions(fixture.Out, TestPaths.Templates, "/"));
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics.Sorted()));
        Assert.Contains(build.Files, f => f.Path == "roadmaps-2/index.html");
        Assert.Contains(build.Files, f => f.Path == "roadmaps/index.html" && f.Html!.Contains("All roadmaps"));
    }

    [Fact]
    public void A_folder_that_is_not_a_checkout_is_refused_by_name()
    {
        using var fixture = new RoadmapShFixture();
        var output = new StringWriter();
        Assert.Equal(1, ImportCommand.Run(fixture.Root + "/nowhere", fixture.Out, output));
        Assert.Contains("not a roadmap.sh checkout", output.ToString());
        Assert.False(Directory.Exists(fixture.Out));
    }
}
