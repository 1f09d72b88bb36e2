namespace RoadmapGen.Render.Templates;

/// <summary>
/// HTML the generator made itself (rendered and checked Markdown, a rendered partial, the page
/// inside the layout): the only value a template writes without escaping. A type, not a naming
/// convention, so a contributor's string can never be mistaken for markup.
/// </summary>
public sealed class TrustedHtml(string html)
{
    public static readonly TrustedHtml Empty = new("");

    public string Html { get; } = html;

    public override string ToString() => Html;
}
