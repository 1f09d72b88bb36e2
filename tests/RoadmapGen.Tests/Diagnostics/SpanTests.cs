using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Diagnostics;

/// <summary>A pull request's annotation underlines the whole mistake, not just where it starts.</summary>
public class SpanTests
{
    [Fact]
    public void A_yaml_value_of_the_wrong_type_is_annotated_from_its_start_to_its_end()
    {
        var diagnostics = new DiagnosticBag();
        // Front matter starts on the file's second line, after its "---".
        var map = YamlMap.Parse("title: T\nprerequisites: caching\n", "a.md", 2, diagnostics, "the topic's front matter");
        map!.StringList("prerequisites", required: false);
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal("a.md(3,16): error RG0105: " + d.Message, d.ToString());
        Assert.Equal(new FileSpan(3, 16, 3, 22), d.Span);
        Assert.StartsWith("::error file=a.md,line=3,endLine=3,col=16,endColumn=22,title=RG0105::", d.ToGitHubAnnotation());
    }

    [Fact]
    public void A_link_to_a_missing_file_is_annotated_over_the_whole_link_in_file_lines()
    {
        var diagnostics = new DiagnosticBag();
        var file = Path.Combine(Path.GetTempPath(), "topic.md");
        // Three lines of front matter come before the body: its first line is the file's fourth.
        MarkdownParser.Parse("Intro.\n\nSee [x](missing.md) here.\n", 3, "topic.md", file, new Dictionary<string, string> { [file] = "topic.md" }, diagnostics);
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal(Codes.LinkToMissingFile, d.Code);
        Assert.Equal(new FileSpan(6, 5, 6, 19), d.Span);
        Assert.StartsWith("::error file=topic.md,line=6,endLine=6,col=5,endColumn=19,", d.ToGitHubAnnotation());
    }

    [Fact]
    public void Raw_html_refused_at_load_is_annotated_over_the_whole_tag()
    {
        var diagnostics = new DiagnosticBag();
        var file = Path.Combine(Path.GetTempPath(), "topic.md");
        MarkdownParser.Parse("Intro.\n\nPress <iframe src=\"x\"> now.\n", 3, "topic.md", file, new Dictionary<string, string> { [file] = "topic.md" }, diagnostics);
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal(Codes.UnsafeHtml, d.Code);
        Assert.Equal(new FileSpan(6, 7, 6, 22), d.Span);
        Assert.StartsWith("::error file=topic.md,line=6,endLine=6,col=7,endColumn=22,title=RG0121::", d.ToGitHubAnnotation());
    }

    [Fact]
    public void The_rendered_html_check_annotates_a_raw_tag_where_it_stands_in_its_block()
    {
        // A raw HTML block written verbatim from file line 10: the tag is on its second line.
        var problems = RoadmapGen.Render.RenderedHtmlCheck.Check("<div>\n  <script>alert(1)</script>\n</div>\n", [new(0, 10, 1, Verbatim: true)]);
        var problem = Assert.Single(problems);
        Assert.Equal(new FileSpan(11, 3, 11, 10), problem.Span);
    }

    [Fact]
    public void A_diagnostic_with_only_a_start_is_annotated_at_that_point()
    {
        var d = Diagnostic.Error("RG0103", "a.md", 4, 12, "unknown topic");
        Assert.Equal("::error file=a.md,line=4,col=12,title=RG0103::unknown topic", d.ToGitHubAnnotation());
    }
}
