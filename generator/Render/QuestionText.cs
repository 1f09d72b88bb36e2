using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Render;

/// <summary>
/// A question is one line of text in a <c>&lt;summary&gt;</c>, where only phrasing content is
/// valid: of Markdown it keeps code spans (and backslash escapes), so "Why is `WHERE` …" shows
/// code as code; everything else is text, escaped. No raw HTML, link or image parser is in the
/// pipeline, so nothing a contributor writes here can become markup.
/// </summary>
public static class QuestionText
{
    private static readonly MarkdownPipeline Pipeline = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.BlockParsers.RemoveAll(p => p is not ParagraphBlockParser);
        builder.InlineParsers.RemoveAll(p => p is not (CodeInlineParser or EscapeInlineParser));
        return builder.Build();
    }

    public static TrustedHtml Html(string question)
    {
        var document = Markdown.Parse(question, Pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = true };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new TrustedHtml(writer.ToString().Trim());
    }
}
