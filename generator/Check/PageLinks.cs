using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace RoadmapGen.Check;

/// <summary>A reference from a page to a URL, with where it stands in the page's HTML.</summary>
public sealed record PageLink(string Url, string Kind, int Line, int Column);

/// <summary>What Check needs of one parsed page: its ids and every URL it references.</summary>
public sealed record PageLinks(IReadOnlySet<string> Ids, IReadOnlyList<(string Id, int Line, int Column)> DuplicateIds, IReadOnlyList<PageLink> Links)
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    public static PageLinks Parse(string html)
    {
        var parser = new HtmlParser(Options);
        var document = parser.ParseDocument(html);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<(string, int, int)>();
        var links = new List<PageLink>();
        foreach (var element in document.All)
        {
            var (line, column) = Position(element);
            if (element.Id is { Length: > 0 } id && !ids.Add(id)) duplicates.Add((id, line, column));
            // <a name="x"> is an old but valid fragment target.
            if (element.LocalName == "a" && element.GetAttribute("name") is { Length: > 0 } name) ids.Add(name);
            switch (element.LocalName)
            {
                case "a" or "area":
                    Add(element, "href", "link", line, column);
                    break;
                case "link":
                    Add(element, "href", "stylesheet or icon", line, column);
                    break;
                case "img":
                    Add(element, "src", "image", line, column);
                    AddSrcset(element, line, column);
                    break;
                case "source":
                    Add(element, "src", "media", line, column);
                    AddSrcset(element, line, column);
                    break;
                case "script" or "iframe" or "video" or "audio" or "track" or "embed":
                    Add(element, "src", element.LocalName, line, column);
                    break;
            }
        }
        return new PageLinks(ids, duplicates, links);

        void Add(IElement element, string attribute, string kind, int line, int column)
        {
            if (element.GetAttribute(attribute) is { } value) links.Add(new PageLink(value.Trim(), kind, line, column));
        }

        void AddSrcset(IElement element, int line, int column)
        {
            if (element.GetAttribute("srcset") is not { } srcset) return;
            // Candidates are "url descriptor" pairs separated by commas; URLs themselves may not contain ", ".
            foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var url = candidate.Split(' ', 2)[0];
                if (url.Length > 0) links.Add(new PageLink(url, "image (srcset)", line, column));
            }
        }
    }

    private static (int Line, int Column) Position(IElement element) =>
        element.SourceReference is { } source ? (source.Position.Line, source.Position.Column) : (0, 0);
}
