using Markdig.Syntax;
using YamlDotNet.Core;

namespace RoadmapGen.Diagnostics;

/// <summary>
/// Where in a file a diagnostic points: 1-based start and end line and column, end inclusive;
/// 0 lines mean "the whole file". Made here, from a parser's own positions, so no caller
/// converts Markdig's 0-based body lines or YamlDotNet's marks by hand.
/// </summary>
public readonly record struct FileSpan(int Line, int Column, int EndLine, int EndColumn)
{
    public static readonly FileSpan WholeFile = new(0, 0, 0, 0);

    /// <summary>One position, with no known end.</summary>
    public static FileSpan At(int line, int column) => new(line, column, line, column);

    /// <summary>
    /// A YAML node or error between two marks; <paramref name="lineOffset"/> is the number of
    /// file lines before the YAML text (front matter starts on line 2). YamlDotNet's end mark is
    /// the position after the node; for a list or a mapping it marks only the opening token.
    /// </summary>
    public static FileSpan Yaml(Mark start, Mark end, int lineOffset)
    {
        var line = Math.Max((int)start.Line + lineOffset, 1);
        var column = (int)Math.Max(start.Column, 1);
        var endLine = (int)end.Line + lineOffset;
        var endColumn = (int)end.Column - 1;
        // An end at a line's start (a block node ends after its newline) closes the line before.
        if (endLine < line || endLine == line && endColumn < column) return At(line, column);
        return new FileSpan(line, column, endLine, Math.Max(endColumn, 1));
    }

    /// <summary>
    /// A Markdig node of a body whose first line is file line <paramref name="lineOffset"/> + 1
    /// (Markdig counts lines and columns from 0).
    /// With the body's <paramref name="text"/>, the span ends where the node does.
    /// </summary>
    public static FileSpan Markdown(MarkdownObject node, int lineOffset, string? text = null)
    {
        var start = InBody(node.Line, node.Column, lineOffset);
        var span = node.Span; // Markdig's character offsets in the body, end inclusive
        if (text is null || span.IsEmpty || span.Start < 0 || span.End >= text.Length) return start;
        var piece = text.AsSpan(span.Start, span.Length);
        var newlines = piece.Count('\n');
        if (newlines == 0) return start with { EndColumn = start.Column + piece.Length - 1 };
        return start with { EndLine = start.Line + newlines, EndColumn = Math.Max(piece.Length - piece.LastIndexOf('\n') - 1, 1) };
    }

    /// <summary>A 0-based line and column of a body, as Markdig counts them, in file terms.</summary>
    public static FileSpan InBody(int line, int column, int lineOffset) => At(line + lineOffset + 1, column + 1);
}
