using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
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

    // One renderer per thread, reset between questions: making one (and setting up its two
    // dozen object renderers) for each question was most of the cost of a question.
    [ThreadStatic] private static (StringWriter Writer, ReusableHtmlRenderer Renderer)? t_renderer;

    public static TrustedHtml Html(string question)
    {
        var document = Markdown.Parse(question, Pipeline);
        var (writer, renderer) = t_renderer ??= NewRenderer();
        renderer.Clear();
        // Markdig's reset puts the renderer's switches back to their defaults.
        renderer.ImplicitParagraph = true;
        renderer.Render(document);
        writer.Flush();
        return new TrustedHtml(writer.ToString().Trim());
    }

    private static (StringWriter, ReusableHtmlRenderer) NewRenderer()
    {
        var writer = new StringWriter();
        var renderer = new ReusableHtmlRenderer(writer);
        Pipeline.Setup(renderer);
        return (writer, renderer);
    }
}
