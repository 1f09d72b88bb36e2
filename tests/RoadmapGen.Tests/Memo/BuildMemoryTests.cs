using RoadmapGen.Memo;
using RoadmapGen.Render.Highlighting;
using RoadmapGen.Tests.Previews;

namespace RoadmapGen.Tests.Memo;

/// <summary>
/// The process's grammars are shared by every build it runs: these tests count their loads, so no
/// other test may build meanwhile (this collection runs alone, after the parallel ones).
/// </summary>
[CollectionDefinition(nameof(ProcessGrammars), DisableParallelization = true)]
public sealed class ProcessGrammars;

/// <summary>A build hands its grammars' memory back once its code is highlighted; serve keeps them for its next rebuild.</summary>
[Collection(nameof(ProcessGrammars))]
public class BuildMemoryTests
{
    private const string Topic = "roadmaps/tiny/topics/alpha.md";
    private const string Anchor = "Some text about Alpha.";

    [Fact]
    public void A_serve_rebuild_highlights_new_code_without_loading_its_grammar_again()
    {
        using var site = new TinySite();
        var memo = new BuildMemo(Keep.Everything);
        var code = Comment();
        site.Replace(Topic, Anchor, PythonBlock(code));
        CodeHighlighter.ReleaseGrammars();
        var before = LanguageGrammars.Shared.Loads;

        Assert.Contains(Highlighted(code), Alpha(SiteBuild.Run(Options(site), memo)));
        var afterFirst = LanguageGrammars.Shared.Loads;
        Assert.True(afterFirst > before, "the first build loaded no grammar");

        // New code, so neither the memo nor the store has it highlighted: the grammar must tokenize it.
        var edited = Comment();
        site.Replace(Topic, code, edited);
        Assert.Contains(Highlighted(edited), Alpha(SiteBuild.Run(Options(site), memo)));
        Assert.Equal(afterFirst, LanguageGrammars.Shared.Loads);
    }

    [Fact]
    public void A_build_highlights_its_code_then_leaves_no_grammar_loaded()
    {
        using var site = new TinySite();
        var code = Comment();
        site.Replace(Topic, Anchor, PythonBlock(code));
        CodeHighlighter.ReleaseGrammars();
        var before = LanguageGrammars.Shared.Loads;

        Assert.Contains(Highlighted(code), Alpha(SiteBuild.Run(Options(site))));

        Assert.True(LanguageGrammars.Shared.Loads > before, "the build loaded no grammar");
        Assert.Equal(0, CodeHighlighter.ReleaseGrammars());
    }

    private static BuildOptions Options(TinySite site) => new(site.Content, TestPaths.Templates);

    private static string Alpha(BuildResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        return result.Files.Single(f => f.Path == "tiny/alpha/index.html").Html!;
    }

    /// <summary>A comment no earlier build in this process or the store has seen.</summary>
    private static string Comment() => "# note " + Guid.NewGuid().ToString("N");

    private static string PythonBlock(string comment) => $"```python\n{comment}\nprint(1)\n```\n";

    private static string Highlighted(string comment) => $"<span class=\"tok-comment\">{comment}</span>";
}
