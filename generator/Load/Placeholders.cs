using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// The placeholders <c>roadmapgen new topic</c> writes. The page it writes builds, so that a
/// contributor can preview it at once, but a topic still holding one is an error at its line
/// on every site: a reader would meet "Replace this with …" or a link to example.com.
/// </summary>
public static class Placeholders
{
    public const string ResourceUrl = "https://example.com/replace-with-a-real-resource";
    public const string OfficialUrl = "https://example.com/replace-with-the-official-docs";
    /// <summary>How the summary and every paragraph of the body start.</summary>
    public const string Text = "Replace this with";
    /// <summary>How the resources' titles start.</summary>
    public const string Title = "Replace with";

    public static void Check(string path, string summary, (int Line, int Column) summaryAt,
        IEnumerable<(Resource Resource, int Line, int Column)> resources, MarkdownBody body, DiagnosticBag diagnostics)
    {
        const string Hint = "roadmapgen new topic wrote it as a placeholder";
        if (summary.StartsWith(Text, StringComparison.Ordinal))
            diagnostics.Error(Codes.PlaceholderLeft, path, summaryAt.Line, summaryAt.Column,
                $"the summary is still the placeholder '{Cut(summary)}' ({Hint}: write one sentence about the topic)");
        foreach (var (resource, line, column) in resources)
            if (resource.Url is ResourceUrl or OfficialUrl || resource.Title.StartsWith(Title, StringComparison.Ordinal))
                diagnostics.Error(Codes.PlaceholderLeft, path, line, column,
                    $"the resource '{Cut(resource.Title)}' ({resource.Url}) is a placeholder ({Hint}: give a real resource's title, URL and type, or remove it)");
        var paragraphs = body.Document.Descendants<ParagraphBlock>()
            .Where(p => p.Inline?.FirstChild is LiteralInline literal && literal.Content.ToString().StartsWith(Text, StringComparison.Ordinal))
            .ToList();
        if (paragraphs.Count == 0) return;
        var first = paragraphs[0];
        diagnostics.Error(Codes.PlaceholderLeft, path, body.LineOffset + first.Line + 1, first.Column + 1,
            $"this paragraph is still a placeholder starting '{Text} …'" + (paragraphs.Count > 1 ? $", like {paragraphs.Count - 1} more below it" : "")
            + $" ({Hint}: write the text it asks for, or remove the paragraph)");
    }

    private static string Cut(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
