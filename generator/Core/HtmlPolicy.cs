using System.Text.RegularExpressions;

namespace RoadmapGen.Core;

/// <summary>
/// The one allow-list of HTML that content may put on a page, read by all three safety layers:
/// Load's check of raw HTML in Markdown (<c>Load/SafeHtml</c>), the check of the HTML rendered
/// from a body (<c>Render/RenderedHtmlCheck</c>) and the sanitizer behind both
/// (<c>Render/SafetyNet</c>). Declared once so the layers cannot drift apart: an element added
/// here for a renderer is allowed by the check and kept by the sanitizer alike.
/// </summary>
public static partial class HtmlPolicy
{
    /// <summary>The few inline elements a contributor may write as raw HTML in Markdown.</summary>
    public static readonly IReadOnlySet<string> RawElements =
        new SortedSet<string>(StringComparer.Ordinal) { "abbr", "br", "del", "ins", "kbd", "mark", "s", "samp", "small", "sub", "sup", "var" };

    /// <summary>The attributes raw HTML may carry: nothing that runs, loads or restyles.</summary>
    public static readonly IReadOnlySet<string> RawAttributes = new SortedSet<string>(StringComparer.Ordinal) { "title" };

    /// <summary>
    /// Element → attributes the HTML rendered from a body may hold: what the Markdown pipeline
    /// writes (paragraphs, headings, lists, task lists, tables, footnotes, definition lists,
    /// emphasis extras), what the code block renderer writes (a named, focusable region with
    /// highlighted spans), and the raw elements above with their attributes.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> RenderedElements = Rendered();

    /// <summary>Every attribute of <see cref="RenderedElements"/>, for a sanitizer that knows attributes but not which element has them.</summary>
    public static readonly IReadOnlySet<string> RenderedAttributes =
        new SortedSet<string>(RenderedElements.Values.SelectMany(a => a), StringComparer.Ordinal);

    /// <summary>URL schemes a link may use; relative URLs need none. Images must be files of the site (<c>Load/UrlSafety</c>).</summary>
    public static readonly IReadOnlySet<string> UrlSchemes = new SortedSet<string>(StringComparer.Ordinal) { "http", "https", "mailto" };

    /// <summary>The only CSS a body may hold: a table column's alignment, which Markdig writes as a style.</summary>
    public static readonly IReadOnlySet<string> CssProperties = new SortedSet<string>(StringComparer.Ordinal) { "text-align" };

    /// <summary>
    /// Classes Markdig's extensions and the code block renderer write; the renderer adds one
    /// <c>language-…</c> class and the highlighter's <c>tok-…</c> classes, which are patterns, not names.
    /// </summary>
    public static readonly IReadOnlySet<string> Classes = new SortedSet<string>(StringComparer.Ordinal)
    {
        "code-block", "contains-task-list", "footnote-back-ref", "footnote-ref", "footnotes", "footnotes-sep", "task-list-item", "task-list-item-checkbox",
    };

    public static bool IsAllowedClass(string name) => Classes.Contains(name) || RendererClass().IsMatch(name);

    [GeneratedRegex(@"^(language-[\w+#.-]+|tok-[a-z]+)$")] private static partial Regex RendererClass();

    private static Dictionary<string, IReadOnlySet<string>> Rendered()
    {
        var written = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["p"] = [], ["blockquote"] = [], ["pre"] = ["tabindex", "role", "aria-label"], ["span"] = ["class"], ["hr"] = ["class"], ["div"] = ["class"],
            ["h1"] = ["id"], ["h2"] = ["id"], ["h3"] = ["id"], ["h4"] = ["id"], ["h5"] = ["id"], ["h6"] = ["id"],
            ["ul"] = ["class"], ["ol"] = ["start", "type", "class"], ["li"] = ["id", "class"],
            ["dl"] = [], ["dt"] = [], ["dd"] = [],
            ["table"] = [], ["thead"] = [], ["tbody"] = [], ["tr"] = [], ["th"] = ["style"], ["td"] = ["style"],
            ["a"] = ["href", "title", "rel", "id", "class"], ["img"] = ["src", "alt", "title"],
            ["code"] = ["class"], ["em"] = [], ["strong"] = [], ["input"] = ["type", "disabled", "checked", "class"],
        };
        var all = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (element, attributes) in written) all[element] = new SortedSet<string>(attributes, StringComparer.Ordinal);
        // The raw elements are allowed wherever they come from; Markdig writes some of them too (<del>, <sup>, <br>).
        foreach (var element in RawElements)
            all[element] = new SortedSet<string>(all.TryGetValue(element, out var own) ? own.Concat(RawAttributes) : RawAttributes, StringComparer.Ordinal);
        return all;
    }
}
