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

    private byte[]? _content;

    /// <summary>
    /// The bytes of the file. For pages they are made from <see cref="Html"/> on first use, so a
    /// build that only writes never holds every page twice (a 10,000-page site stays under 1 GiB).
    /// </summary>
    public byte[] Content
    {
        get => _content ??= System.Text.Encoding.UTF8.GetBytes(Html ?? "");
        init => _content = value;
    }

    public string? Html { get; init; }

    /// <summary>Writes the file without keeping its bytes around.</summary>
    public void WriteTo(string fullPath)
    {
        if (_content is null && Html is not null) File.WriteAllText(fullPath, Html, Utf8NoBom);
        else File.WriteAllBytes(fullPath, Content);
    }

    private static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    /// <summary>Display path of the content file the page shows, if any.</summary>
    public string? SourcePath { get; init; }
    /// <summary>Display paths of the templates that produced the page, most specific first.</summary>
    public IReadOnlyList<string> Templates { get; init; } = [];
    public IReadOnlyList<LinkOrigin> Origins { get; init; } = [];

    public bool IsHtml => Html is not null;

    public static OutputFile Text(string path, string text) =>
        new() { Path = path, Content = System.Text.Encoding.UTF8.GetBytes(text) };
}
