using RoadmapGen.Render;

namespace RoadmapGen.Tests.Render;

/// <summary>A question is the visible line of a closed answer: code reads as code, and nothing else becomes markup.</summary>
public class QuestionTextTests
{
    [Fact]
    public void Backticks_in_a_question_show_as_code_not_as_backticks()
    {
        Assert.Equal("Why is <code>WHERE</code> needed in <code>DELETE</code>?", QuestionText.Html("Why is `WHERE` needed in `DELETE`?").Html);
    }

    [Theory]
    [InlineData("Is <script>alert(1)</script> run?", "Is &lt;script&gt;alert(1)&lt;/script&gt; run?")]
    [InlineData("Does [a link](javascript:alert(1)) work?", "Does [a link](javascript:alert(1)) work?")]
    [InlineData("Is **this** bold or a list?\n- no", "Is **this** bold or a list?\n- no")]
    [InlineData("# Not a heading", "# Not a heading")]
    public void Markup_raw_HTML_links_and_blocks_in_a_question_stay_text(string question, string html)
    {
        Assert.Equal(html, QuestionText.Html(question).Html);
    }

    [Fact]
    public void A_code_span_keeps_angle_brackets_escaped()
    {
        Assert.Equal("What does <code>&lt;img onerror&gt;</code> do?", QuestionText.Html("What does `<img onerror>` do?").Html);
    }
}
