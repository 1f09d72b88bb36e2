using System.Text.RegularExpressions;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>A problem the rendered-HTML check found, over the Markdown text it came from (a raw tag's own span; a node Markdig wrote, its start).</summary>
public sealed record RenderedHtmlProblem(string Code, FileSpan Span, string Message);

/// <summary>
/// The first line of defence, on what a page will really contain: the HTML rendered from a
/// Markdown body is read by AngleSharp's spec tokenizer (as a browser reads it, so comments,
/// entities, case, whitespace and control characters hide nothing), and every element, attribute
/// and URL must be on an allow-list. Whatever renderer wrote the HTML (Markdig's, or one added
/// later for code blocks), it is checked here; a renderer that writes new markup adds it to
/// <see cref="HtmlPolicy"/> deliberately, which the sanitizer behind this check reads too.
/// </summary>
public static partial class RenderedHtmlCheck
{
    /// <summary>Element → attributes it may carry (<see cref="HtmlPolicy.RenderedElements"/>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed => HtmlPolicy.RenderedElements;

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal) { "br", "hr", "img", "input" };

    private static readonly string Hint = $" ({SafeHtml.Hint})";

    [GeneratedRegex(@"^text-align: (left|center|right);$")] private static partial Regex TextAlign();

    /// <summary>Where each Markdown node's HTML starts in the rendered text, in writing order, with its line and column in the file.</summary>
    public readonly record struct Origin(int Offset, int Line, int Column, bool Verbatim);

    /// <summary>Every problem in <paramref name="html"/>, each at the Markdown position of the node that wrote it.</summary>
    public static List<RenderedHtmlProblem> Check(string html, IReadOnlyList<Origin> origins)
    {
        var problems = new List<RenderedHtmlProblem>();
        // Disposed, it hands its buffer (a pooled array as long as the body) back to the pool.
        using var tokenizer = new HtmlTokenizer(new TextSource(new StringTextSource(html)), HtmlEntityProvider.Resolver) { SkipDataText = true };
        var unclosed = false;
        tokenizer.Error += (_, e) => unclosed |= e.Code == (int)HtmlParseError.EOF;
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        // Struct tokens are read in place: a body costs no object per tag or attribute.
        for (var token = tokenizer.GetStructToken(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.GetStructToken())
        {
            switch (token.Type)
            {
                case HtmlTokenType.StartTag:
                    CheckStartTag(ref token);
                    break;
                case HtmlTokenType.EndTag:
                    var closed = token.Name.ToString();
                    if (!Allowed.ContainsKey(closed))
                    {
                        // An element refused at its start tag is one mistake, not two.
                        if (!refused.Contains(closed)) Report(token.Position, Codes.UnsafeHtml, $"the element <{UrlSafety.Shown(closed)}> is not allowed");
                    }
                    else if (open.GetValueOrDefault(closed) == 0) Report(token.Position, Codes.UnsafeHtml, $"</{closed}> closes an element this text did not open, which would break the page around it");
                    else open[closed]--;
                    break;
                case HtmlTokenType.Doctype:
                    Report(token.Position, Codes.UnsafeHtml, "a <!DOCTYPE> is not allowed in a page's text");
                    break;
            }
        }
        if (unclosed)
        {
            problems.Add(Problem(html.Length, Codes.UnsafeHtml,
                "raw HTML is not closed (a comment, tag or quoted attribute runs to the end of the text) and would swallow the rest of the page" + Hint));
        }
        return problems;

        void CheckStartTag(ref StructHtmlToken tag)
        {
            var name = tag.Name.ToString();
            if (!Allowed.TryGetValue(name, out var attributes))
            {
                refused.Add(name);
                Report(tag.Position, Codes.UnsafeHtml, name is "svg" or "math"
                    ? $"the element <{name}> is not allowed: SVG and MathML content is never allowed"
                    : $"the element <{UrlSafety.Shown(name)}> is not allowed");
                return;
            }
            if (!VoidElements.Contains(name) && !tag.IsSelfClosing) open[name] = open.GetValueOrDefault(name) + 1;
            var all = tag.Attributes;
            for (var i = 0; i < all.Count; i++)
            {
                var attribute = all[i];
                var (key, value) = (attribute.Name.ToString(), attribute.Value.ToString());
                if (!attributes.Contains(key))
                {
                    Report(tag.Position, Codes.UnsafeHtml, $"the attribute '{UrlSafety.Shown(key)}' of <{name}> is not allowed");
                    continue;
                }
                if (key is "href" or "src")
                {
                    if (UrlSafety.Problem(value, isImage: key == "src") is { } url) Report(tag.Position, url.Code, url.Message);
                    continue;
                }
                var why = key switch
                {
                    "style" when !TextAlign().IsMatch(value) => $"the style '{UrlSafety.Shown(value)}' is not allowed (only a table column's alignment is)",
                    "class" => value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(c => !HtmlPolicy.IsAllowedClass(c))
                        is { } c ? $"the class '{UrlSafety.Shown(c)}' is not allowed" : null,
                    "tabindex" when value != "0" => $"tabindex='{UrlSafety.Shown(value)}' is not allowed",
                    "role" when value != "region" => $"role='{UrlSafety.Shown(value)}' is not allowed",
                    "rel" when value != "noopener noreferrer" => $"rel='{UrlSafety.Shown(value)}' is not allowed",
                    "type" when name == "input" && value != "checkbox" => $"an input of type '{UrlSafety.Shown(value)}' is not allowed",
                    "type" when name == "ol" && value is not ("1" or "a" or "A" or "i" or "I") => $"a list type '{UrlSafety.Shown(value)}' is not allowed",
                    "start" when !value.All(char.IsAsciiDigit) => $"a list start '{UrlSafety.Shown(value)}' is not allowed",
                    "id" when value.Length == 0 || value.Any(char.IsWhiteSpace) => $"the id '{UrlSafety.Shown(value)}' is not allowed",
                    _ => null,
                };
                if (why is not null) Report(tag.Position, Codes.UnsafeHtml, why);
            }
        }

        void Report(TextPosition at, string code, string message) =>
            problems.Add(Problem(Offset(at), code, code == Codes.UnsafeHtml ? message + Hint : message));

        RenderedHtmlProblem Problem(int offset, string code, string message)
        {
            var origin = OriginAt(origins, offset);
            if (!origin.Verbatim) return new RenderedHtmlProblem(code, FileSpan.At(origin.Line, origin.Column), message);
            offset = Math.Min(offset, html.Length);
            // Raw HTML is written verbatim, line for line: the tag is where it was in the file, up to its '>'.
            var before = html.AsSpan(origin.Offset, Math.Max(0, offset - origin.Offset));
            var newlines = before.Count('\n');
            var column = newlines == 0 ? origin.Column + before.Length : before.Length - before.LastIndexOf('\n');
            var close = offset < html.Length ? html.AsSpan(offset).IndexOfAny('>', '\n') : -1;
            var end = close >= 0 && html[offset + close] == '>' ? column + close : column;
            return new RenderedHtmlProblem(code, new FileSpan(origin.Line + newlines, column, origin.Line + newlines, end), message);
        }

        // TextPosition.Position counts characters from 1; Markdig's nodes start at the '<'.
        static int Offset(TextPosition at) => Math.Max(0, at.Position - 1);
    }

    private static Origin OriginAt(IReadOnlyList<Origin> origins, int offset)
    {
        // Origins are in writing order, so their offsets never decrease: the last one at or before the offset wrote it.
        int low = 0, high = origins.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (origins[middle].Offset <= offset) { found = middle; low = middle + 1; }
            else high = middle - 1;
        }
        return found >= 0 ? origins[found] : origins.Count > 0 ? origins[0] : new Origin(0, 1, 1, false);
    }
}
