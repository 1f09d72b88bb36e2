using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Raw HTML in Markdown is limited to a few inline elements without script-capable attributes,
/// so a content pull request can never make the site run code.
/// </summary>
public static class SafeHtml
{
    public static readonly IReadOnlySet<string> AllowedElements =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "kbd", "abbr", "sub", "sup", "mark", "br", "small", "s", "del", "ins", "var", "samp" };

    private static readonly IReadOnlySet<string> AllowedAttributes =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "title" };

    private static readonly HtmlParser Parser = new();

    /// <returns>Whether the HTML passed; each problem is reported at the given position.</returns>
    public static bool Check(string html, string file, int line, int column, DiagnosticBag diagnostics)
    {
        var passed = true;
        // No shortcut for comments: "<!-- note --><script>" is one HTML block, and only parsing
        // all of it finds what follows the comment.
        var trimmed = html.Trim();
        if (trimmed.StartsWith("</", StringComparison.Ordinal) && trimmed.IndexOf('<', 1) < 0)
        {
            var name = trimmed[2..].TrimEnd('>', ' ', '\n');
            if (!AllowedElements.Contains(name)) Report($"</{name}>", $"the element <{name}> is not allowed");
            return passed;
        }
        IDocument document;
        lock (Parser) document = Parser.ParseDocument("<body>" + html);
        foreach (var element in document.Body!.Descendants<IElement>())
        {
            var name = element.LocalName;
            if (!AllowedElements.Contains(name))
            {
                Report($"<{name}>", $"the element <{name}> is not allowed");
                continue;
            }
            foreach (var attribute in element.Attributes)
            {
                if (!AllowedAttributes.Contains(attribute.Name))
                    Report($"<{name} {attribute.Name}=…>", $"the attribute '{attribute.Name}' is not allowed");
            }
            if (element.LocalName == "svg" || element.NamespaceUri is { } ns && ns != AngleSharp.Dom.NamespaceNames.HtmlUri)
                Report($"<{name}>", "foreign (SVG or MathML) content is not allowed");
        }
        return passed;

        void Report(string what, string why)
        {
            passed = false;
            diagnostics.Error(Codes.UnsafeHtml, file, line, column,
                $"raw HTML {what}: {why} (use Markdown instead; allowed inline HTML: {string.Join(", ", AllowedElements.Select(e => $"<{e}>"))}, with only a 'title' attribute)");
        }
    }
}
