using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Raw HTML in Markdown is limited to a few inline elements without script-capable attributes
/// (<see cref="HtmlPolicy"/>), so a content pull request can never make the site run code.
/// </summary>
public static class SafeHtml
{
    /// <summary>The elements of <see cref="HtmlPolicy.RawElements"/>, for a parser that reports names as written.</summary>
    private static readonly IReadOnlySet<string> AllowedElements = new HashSet<string>(HtmlPolicy.RawElements, StringComparer.OrdinalIgnoreCase);

    private static readonly IReadOnlySet<string> AllowedAttributes = new HashSet<string>(HtmlPolicy.RawAttributes, StringComparer.OrdinalIgnoreCase);

    /// <summary>The allow-list as a contributor reads it, at the end of every refusal.</summary>
    public static readonly string Hint =
        $"use Markdown instead; allowed inline HTML: {string.Join(", ", HtmlPolicy.RawElements.Select(e => $"<{e}>"))}, with only {string.Join(" or ", HtmlPolicy.RawAttributes.Select(a => $"a '{a}'"))} attribute";

    private static readonly HtmlParser Parser = new();

    /// <returns>Whether the HTML passed; each problem is reported over the given span, the raw HTML's in the file.</returns>
    public static bool Check(string html, string file, FileSpan span, DiagnosticBag diagnostics)
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
            diagnostics.Error(Codes.UnsafeHtml, file, span,
                $"raw HTML {what}: {why} ({Hint})");
        }
    }
}
