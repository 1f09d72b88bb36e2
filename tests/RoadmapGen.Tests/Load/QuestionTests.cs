using RoadmapGen.Core;
using Markdig.Syntax;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Load;

/// <summary>"Check yourself" questions in a topic's front matter, as Load reads and checks them.</summary>
public sealed class QuestionTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (TopicSource? Topic, IReadOnlyList<Diagnostic> Diagnostics) Read(string questions)
    {
        var path = Path.Combine(_dir, "alpha.md");
        File.WriteAllText(path, "---\ntitle: Alpha\nsummary: About Alpha.\nresources:\n  - title: Docs\n    url: https://example.com/\n    type: official\n"
            + questions + "---\n\nBody.\n");
        var diagnostics = new DiagnosticBag();
        var topic = TopicReader.ReadTopic(SourceFile.In(_dir, path, "alpha.md"), new Dictionary<string, string> { [path] = "alpha.md" }, diagnostics);
        return (topic, diagnostics.Sorted());
    }

    [Fact]
    public void Questions_are_read_with_their_answers_parsed_as_Markdown()
    {
        var (topic, diagnostics) = Read("questions:\n  - question: Why Alpha?\n    answer: \"Because **Alpha** comes first.\"\n");
        Assert.Empty(diagnostics);
        var question = Assert.Single(topic!.Questions);
        Assert.Equal("Why Alpha?", question.Text);
        Assert.Equal("Because **Alpha** comes first.", question.AnswerMarkdown);
        Assert.Contains(question.Answer.Document.Descendants<Markdig.Syntax.Inlines.EmphasisInline>(), e => e.DelimiterCount == 2);
    }

    [Fact]
    public void A_topic_without_questions_has_none()
    {
        var (topic, diagnostics) = Read("");
        Assert.Empty(diagnostics);
        Assert.Empty(topic!.Questions);
    }

    [Theory]
    [InlineData("  - question: \"\"\n    answer: Yes.\n", 9, "no question")]
    [InlineData("  - question: Why?\n    answer: \"  \"\n", 10, "no answer")]
    [InlineData("  - question: Why?\n", 9, "no answer")]
    public void An_empty_question_or_answer_is_an_error_at_its_line(string item, int line, string what)
    {
        var (_, diagnostics) = Read("questions:\n" + item);
        var error = Assert.Single(diagnostics);
        Assert.Equal(Codes.EmptyQuestion, error.Code);
        Assert.Equal(line, error.Line);
        Assert.Contains(what, error.Message);
    }

    [Fact]
    public void An_unknown_key_in_a_question_is_flagged_with_a_suggestion()
    {
        var (_, diagnostics) = Read("questions:\n  - question: Why?\n    answr: Because.\n");
        Assert.Contains(diagnostics, d => d.Code == Codes.UnknownField && d.Line == 10 && d.Message.Contains("did you mean 'answer'"));
        Assert.Contains(diagnostics, d => d.Code == Codes.EmptyQuestion && d.Message.Contains("no answer"));
    }

    [Fact]
    public void An_answer_gets_the_same_safety_checks_as_a_body_at_its_line()
    {
        var (_, diagnostics) = Read("questions:\n  - question: Why?\n    answer: \"[x](javascript:alert(1)) <script>alert(1)</script>\"\n");
        Assert.Contains(diagnostics, d => d.Code == Codes.UnsafeUrl && d.Line == 10);
        Assert.Contains(diagnostics, d => d.Code == Codes.UnsafeHtml && d.Line == 10);
    }
}
