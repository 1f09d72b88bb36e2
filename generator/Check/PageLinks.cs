using System.Buffers;
using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace RoadmapGen.Check;

/// <summary>A reference from a page to a URL, with where it stands in the page's HTML.</summary>
public sealed record PageLink(string Url, string Kind, int Line, int Column);

/// <summary>What Check needs of one parsed page: its ids and every URL it references.</summary>
/// <param name="BaseHref">The href of the page's first &lt;base href&gt;, which every relative URL of the page resolves against.</param>
/// <param name="ImagesWithoutSource">Each &lt;img&gt; with neither a src nor a srcset, which shows nothing.</param>
public sealed record PageLinks(IReadOnlySet<string> Ids, IReadOnlyList<(string Id, int Line, int Column)> DuplicateIds, IReadOnlyList<PageLink> Links,
    string? BaseHref = null, IReadOnlyList<(int Line, int Column)>? ImagesWithoutSource = null)
{
    /// <summary>
    /// Links and ids need tags and attributes, not a tree: AngleSharp's spec tokenizer alone
    /// reads a page several times faster than building its DOM, with the same positions. Its
    /// struct tokens are read in place, and only the attributes checked here are kept, so a page
    /// costs no object per tag.
    /// </summary>
    public static PageLinks Parse(string html) => Parse(new TextSource(new StringTextSource(html)));

    /// <summary>
    /// Reads a page from its UTF-8 bytes through a pooled buffer: the text of a page is only
    /// needed while it is read (the whole-roadmap page of 10,000 topics is 110 MB as a string).
    /// </summary>
    public static PageLinks Parse(ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxCharCount(utf8.Length)));
        try
        {
            var length = Encoding.UTF8.GetChars(utf8, chars);
            return Parse(new TextSource(new CharArrayTextSource(chars, length)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static PageLinks Parse(TextSource source)
    {
        // Disposed, the tokenizer hands its buffer (a pooled array as long as the page) back: left
        // to the collector, a build of 1,000 topics allocated every page's length again here.
        using var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver)
        {
            SkipDataText = true, SkipComments = true, ShouldEmitAttribute = Checked,
        };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<(string, int, int)>();
        var links = new List<PageLink>();
        string? baseHref = null;
        List<(int, int)>? withoutSource = null;
        for (var token = tokenizer.GetStructToken(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.GetStructToken())
        {
            if (token.Type != HtmlTokenType.StartTag) continue;
            var line = token.Position.Line;
            var column = token.Position.Column;
            var name = token.Name;
            // The tree builder would switch the tokenizer into these states; without it, markup
            // inside a script or a title would be mistaken for tags.
            if (name == "script") tokenizer.State = HtmlParseMode.Script;
            else if (name == "style" || name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes") tokenizer.State = HtmlParseMode.Rawtext;
            else if (name == "title" || name == "textarea") tokenizer.State = HtmlParseMode.RCData;
            var attributes = token.Attributes;
            if (name == "img" && attributes.Count == 0) (withoutSource ??= []).Add((line, column));
            if (attributes.Count == 0) continue;
            if (Value(attributes, "id") is { Length: > 0 } id && !ids.Add(id)) duplicates.Add((id, line, column));
            if (name == "a")
            {
                // <a name="x"> is an old but valid fragment target.
                if (Value(attributes, "name") is { Length: > 0 } anchor) ids.Add(anchor);
                AddHref(attributes, "link", line, column);
            }
            else if (name == "area") AddHref(attributes, "link", line, column);
            else if (name == "link") AddHref(attributes, "stylesheet or icon", line, column);
            else if (name == "base") baseHref ??= Value(attributes, "href");
            else if (name == "img")
            {
                var srcset = Srcset.Urls(Value(attributes, "srcset") ?? "");
                // An empty src is no request (the srcset alone is the source set); with neither,
                // the browser has nothing to show.
                if (IsEmpty(Value(attributes, "src")))
                {
                    if (srcset.Count == 0) (withoutSource ??= []).Add((line, column));
                }
                else Add(attributes, "src", "image", line, column);
                foreach (var url in srcset) links.Add(new PageLink(url, "image (srcset)", line, column));
            }
            else if (name == "source")
            {
                Add(attributes, "src", "media", line, column);
                foreach (var url in Srcset.Urls(Value(attributes, "srcset") ?? "")) links.Add(new PageLink(url, "image (srcset)", line, column));
            }
            else if (name == "script" || name == "iframe" || name == "video" || name == "audio" || name == "track" || name == "embed")
                Add(attributes, "src", name.ToString(), line, column);
        }
        return new PageLinks(ids, duplicates, links, baseHref?.Trim(), withoutSource);

        // An empty href is valid HTML and means the document's own URL, so it is no link to check.
        void AddHref(StructAttributes attributes, string kind, int line, int column)
        {
            if (Value(attributes, "href") is { } url && !IsEmpty(url)) links.Add(new PageLink(url.Trim(), kind, line, column));
        }

        void Add(StructAttributes attributes, string attribute, string kind, int line, int column)
        {
            // A missing attribute is no link; an empty one is still a link to check.
            if (Value(attributes, attribute) is { } url) links.Add(new PageLink(url.Trim(), kind, line, column));
        }
    }

    private static bool IsEmpty(string? value) => string.IsNullOrWhiteSpace(value);

    private static readonly ShouldEmitAttribute Checked = (ref StructHtmlToken _, ReadOnlyMemory<char> name) =>
        name.Span is "id" or "name" or "href" or "src" or "srcset";

    /// <summary>The first attribute of that name, as HTML reads a repeated one; null when there is none.</summary>
    private static string? Value(StructAttributes attributes, string name)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (attribute.Name == name) return attribute.Value.ToString();
        }
        return null;
    }
}
