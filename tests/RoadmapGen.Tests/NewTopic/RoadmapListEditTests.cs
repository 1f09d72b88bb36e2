using RoadmapGen.Cli;

namespace RoadmapGen.Tests.NewTopic;

public class RoadmapListEditTests
{
    [Fact]
    public void Block_list_gets_a_new_item_line_with_the_lists_indentation_and_comments_kept()
    {
        var yaml = """
            # comment kept
            title: T
            summary: S
            stages:
              - title: One
                topics:
                  - a   # first
              - title: Two
                topics:
                  - b
                  - "c"  # quoted, with a comment
            # trailing comment

            """;
        var (edit, problem) = RoadmapListEdit.AppendToLastStage(yaml, "new-topic");
        Assert.Null(problem);
        Assert.Equal(yaml.Replace("      - \"c\"  # quoted, with a comment\n", "      - \"c\"  # quoted, with a comment\n      - new-topic\n"), edit!.Text);
        Assert.Equal("Two", edit.StageTitle);
        Assert.Equal(12, edit.Line);
    }

    [Fact]
    public void Block_list_at_the_end_of_a_file_without_a_final_newline_is_extended()
    {
        var yaml = "title: T\nsummary: S\nstages:\n- title: One\n  topics:\n  - a";
        var (edit, _) = RoadmapListEdit.AppendToLastStage(yaml, "b");
        Assert.Equal(yaml + "\n  - b", edit!.Text);
    }

    [Fact]
    public void Windows_line_ends_stay_windows_line_ends()
    {
        var yaml = "title: T\r\nsummary: S\r\nstages:\r\n  - title: One\r\n    topics:\r\n      - a\r\n";
        var (edit, _) = RoadmapListEdit.AppendToLastStage(yaml, "b");
        Assert.Equal("title: T\r\nsummary: S\r\nstages:\r\n  - title: One\r\n    topics:\r\n      - a\r\n      - b\r\n", edit!.Text);
    }

    [Theory]
    [InlineData("    topics: [a, b]\n", "    topics: [a, b, new-topic]\n")]
    [InlineData("    topics: []\n", "    topics: [new-topic]\n")]
    [InlineData("    topics: [a, \"b\"]  # note\n", "    topics: [a, \"b\", new-topic]  # note\n")]
    [InlineData("    topics: [\n      a,\n      b,\n    ]\n", "    topics: [\n      a,\n      b, new-topic,\n    ]\n")]
    public void Flow_list_gets_the_slug_after_its_last_item(string list, string expected)
    {
        const string head = "title: T\nsummary: S\nstages:\n  - title: First\n    topics: [x]\n  - title: Last\n";
        var (edit, problem) = RoadmapListEdit.AppendToLastStage(head + list, "new-topic");
        Assert.Null(problem);
        Assert.Equal(head + expected, edit!.Text);
    }

    [Theory]
    [InlineData("title: T\nstages: []\n", "no 'stages' list")]
    [InlineData("title: T\nstages:\n  - title: Last\n", "has no 'topics' list")]
    [InlineData("title: T\nstages:\n  - title: [unclosed\n", "not valid YAML")]
    public void Roadmap_without_a_usable_last_list_is_left_alone_with_the_reason(string yaml, string reason)
    {
        var (edit, problem) = RoadmapListEdit.AppendToLastStage(yaml, "new-topic");
        Assert.Null(edit);
        Assert.Contains(reason, problem!.Message);
    }

    [Fact]
    public void Slug_listed_in_any_stage_is_found_with_its_line()
    {
        const string yaml = "stages:\n  - title: A\n    topics: [a, b]\n  - title: B\n    topics:\n      - c\n";
        Assert.Equal(3, RoadmapListEdit.ListedAt(yaml, "b"));
        Assert.Equal(6, RoadmapListEdit.ListedAt(yaml, "c"));
        Assert.Null(RoadmapListEdit.ListedAt(yaml, "d"));
    }
}
