using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace RoadmapGen.Check;

/// <summary>A reference from a page to a URL, with where it stands in the page's HTML.</summary>
public sealed record PageLink(string Url, string Kind, int Line, int Column);

/// <summary>What Check needs of one parsed page: its ids and every URL it references.</summary>
public sealed record PageLinks(IReadOnlySet<string> Ids, IReadOnlyList<(string Id, int Line, int Column)> DuplicateIds, IReadOnlyList<PageLink> Links)
{
    /// <summary>
    /// Links and ids need tags and attributes, not a tree: AngleSharp's spec tokenizer alone
    /// reads a page several times faster than building its DOM, with the same positions.
    /// </summary>
    public static PageLinks Parse(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver)
        {
            SkipDataText = true, SkipComments = true,
        };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<(string, int, int)>();
        var links = new List<PageLink>();
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token.Type != HtmlTokenType.StartTag || token is not HtmlTagToken tag) continue;
            var line = tag.Position.Line;
            var column = tag.Position.Column;
            var name = tag.Name;
            // The tree builder would switch the tokenizer into these states; without it, markup
            // inside a script or a title would be mistaken for tags.
            switch (name)
            {
                case "script": tokenizer.State = HtmlParseMode.Script; break;
                case "style" or "xmp" or "iframe" or "noembed" or "noframes": tokenizer.State = HtmlParseMode.Rawtext; break;
                case "title" or "textarea": tokenizer.State = HtmlParseMode.RCData; break;
            }
            var id = tag.GetAttribute("id");
            if (id.Length > 0 && !ids.Add(id)) duplicates.Add((id, line, column));
            switch (name)
            {
                case "a":
                    // <a name="x"> is an old but valid fragment target.
                    if (tag.GetAttribute("name") is { Length: > 0 } anchor) ids.Add(anchor);
                    Add(tag, "href", "link", line, column);
                    break;
                case "area":
                    Add(tag, "href", "link", line, column);
                    break;
                case "link":
                    Add(tag, "href", "stylesheet or icon", line, column);
                    break;
                case "img":
                    Add(tag, "src", "image", line, column);
                    AddSrcset(tag, line, column);
                    break;
                case "source":
                    Add(tag, "src", "media", line, column);
                    AddSrcset(tag, line, column);
                    break;
                case "script" or "iframe" or "video" or "audio" or "track" or "embed":
                    Add(tag, "src", name, line, column);
                    break;
            }
        }
        return new PageLinks(ids, duplicates, links);

        void Add(HtmlTagToken tag, string attribute, string kind, int line, int column)
        {
            if (HasAttribute(tag, attribute)) links.Add(new PageLink(tag.GetAttribute(attribute).Trim(), kind, line, column));
        }

        void AddSrcset(HtmlTagToken tag, int line, int column)
        {
            var srcset = tag.GetAttribute("srcset");
            // Candidates are "url descriptor" pairs separated by commas; URLs themselves may not contain ", ".
            foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var url = candidate.Split(' ', 2)[0];
                if (url.Length > 0) links.Add(new PageLink(url, "image (srcset)", line, column));
            }
        }
    }

    /// <summary>GetAttribute returns "" for a missing attribute; an empty href is still a link to check.</summary>
    private static bool HasAttribute(HtmlTagToken tag, string name)
    {
        foreach (var attribute in tag.Attributes)
            if (attribute.Name == name) return true;
        return false;
    }
}
