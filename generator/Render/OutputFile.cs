namespace RoadmapGen.Render;

/// <summary>Where a link in a rendered page was written: a Markdown line, or a template.</summary>
public sealed record LinkOrigin(string Href, string File, int Line, int Column);

/// <summary>
/// One file of the built site, in memory. Html pages keep their text (Check parses it without
/// re-reading) and where they came from, so link problems point back to the source.
/// </summary>
public sealed class OutputFile
{
    public required string Path { get; init; }
    public required byte[] Content { get; init; }
    public string? Html { get; init; }
    /// <summary>Display path of the content file the page shows, if any.</summary>
    public string? SourcePath { get; init; }
    /// <summary>Display paths of the templates that produced the page, most specific first.</summary>
    public IReadOnlyList<string> Templates { get; init; } = [];
    public IReadOnlyList<LinkOrigin> Origins { get; init; } = [];

    public bool IsHtml => Html is not null;

    public static OutputFile Text(string path, string text) =>
        new() { Path = path, Content = System.Text.Encoding.UTF8.GetBytes(text) };
}
