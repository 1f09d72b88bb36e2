using System.Text;

namespace RoadmapGen.Render;

/// <summary>Where a link in a rendered page was written: a Markdown line, or a template.</summary>
public sealed record LinkOrigin(string Href, string File, int Line, int Column);

/// <summary>An element id a content file made (a heading's), with the line that made it.</summary>
public sealed record IdOrigin(string Id, string File, int Line, int Column);

/// <summary>
/// One file of the built site, in memory. Pages are kept as UTF-8 bytes, half the size of a
/// .NET string, so a 10,000-page site fits well under 1 GiB; they remember where they came
/// from, so link problems point back to the source.
/// </summary>
public sealed class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public required string Path { get; init; }

    private readonly byte[] _content = [];

    /// <summary>The file's bytes. For a page, set <see cref="Html"/> instead: setting both is a mistake.</summary>
    public byte[] Content
    {
        get => _content;
        init
        {
            if (IsHtml) throw new InvalidOperationException("a page's bytes come from its Html");
            _content = value;
        }
    }

    public bool IsHtml { get; private init; }

    /// <summary>The page's text, decoded on each use (callers that need it often keep it).</summary>
    public string? Html
    {
        get => IsHtml ? Utf8.GetString(Content) : null;
        init
        {
            IsHtml = value is not null;
            _content = value is null ? [] : Utf8.GetBytes(value);
        }
    }

    /// <summary>The page's HTML as UTF-8, for a renderer that encoded it already.</summary>
    public byte[] HtmlUtf8
    {
        init
        {
            IsHtml = true;
            _content = value;
        }
    }

    /// <summary>Display path of the content file the page shows, if any.</summary>
    public string? SourcePath { get; init; }
    /// <summary>Display paths of the templates that produced the page, most specific first.</summary>
    public IReadOnlyList<string> Templates { get; init; } = [];
    public IReadOnlyList<LinkOrigin> Origins { get; init; } = [];
    /// <summary>The ids its Markdown gave the page's elements, with the content lines that made them.</summary>
    public IReadOnlyList<IdOrigin> IdOrigins { get; init; } = [];
    /// <summary>Which template text wrote each stretch of the page's markup, as Render recorded it.</summary>
    public PageSources Sources { get; init; } = PageSources.None;
    /// <summary>When what the page shows last changed (its content files' dates), for the sitemap's lastmod.</summary>
    public DateTimeOffset? Updated { get; init; }

    public static OutputFile Text(string path, string text) => new() { Path = path, Content = Utf8.GetBytes(text) };
}
