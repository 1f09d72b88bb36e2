using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// Writes a code block as a keyboard-reachable, named scrolling region (a long line scrolls, and
/// a keyboard user must be able to scroll it too), highlighted when its language has a grammar:
/// <c>&lt;div class="code-block"&gt;&lt;pre tabindex="0" role="region" aria-label="Code: Python"&gt;&lt;code class="language-python"&gt;…</c>.
/// The wrapper holds the Copy button that copy.js adds.
/// </summary>
public sealed class CodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    /// <summary>Set for each render; null writes every block plain.</summary>
    public CodeHighlighter? Highlighter { get; set; }

    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        var info = (block as FencedCodeBlock)?.Info;
        renderer.EnsureLine();
        renderer.Write("<div class=\"code-block\"><pre tabindex=\"0\" role=\"region\" aria-label=\"")
            .Write(HtmlEscape.Text(CodeLanguages.Label(info))).Write("\"><code").WriteAttributes(block).Write('>');
        if (Highlighter is { } highlighter && CodeLanguages.Find(info) is not null && highlighter.Highlight(info, Lines(block)) is { } html)
            renderer.Write(html);
        else renderer.WriteLeafRawLines(block, true, true);
        renderer.WriteLine("</code></pre></div>");
    }

    internal static List<string> Lines(CodeBlock block)
    {
        var lines = new List<string>(block.Lines.Count);
        for (var i = 0; i < block.Lines.Count; i++) lines.Add(block.Lines.Lines[i].Slice.ToString());
        return lines;
    }
}
