using System.Text;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// HTML the generator made itself (rendered and checked Markdown, a rendered partial, the page
/// inside the layout): the only value a template writes without escaping. A type, not a naming
/// convention, so a contributor's string can never be mistaken for markup.
/// </summary>
public sealed class TrustedHtml
{
    private readonly string? _html;
    private readonly StringBuilder? _builder;

    public TrustedHtml(string html) => _html = html;

    /// <summary>A page body still in its builder: the layout copies it once, straight into the page.</summary>
    internal TrustedHtml(StringBuilder builder) => _builder = builder;

    public string Html => _html ?? _builder!.ToString();

    /// <summary>The builder of a page body, which the page's bytes take straight from it (see <see cref="HtmlTemplateContext.Splices"/>).</summary>
    internal StringBuilder? Builder => _builder;

    internal void AppendTo(StringBuilder output)
    {
        if (_html is not null) output.Append(_html);
        else foreach (var chunk in _builder!.GetChunks()) output.Append(chunk.Span);
    }

    public override string ToString() => Html;
}
