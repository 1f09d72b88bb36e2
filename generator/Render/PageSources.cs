using System.Text;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Render;

/// <summary>
/// What Render recorded of a page for Check: for each stretch of its markup, the template text
/// or the template line that wrote it. A problem Check finds at a tag of the page is reported at
/// that source, never at a line of the output.
/// </summary>
public sealed class PageSources
{
    public static readonly PageSources None = new([]);

    private readonly TemplateMark[] _marks;

    internal PageSources(TemplateMark[] marks) => _marks = marks;

    /// <summary>The template position that wrote the tag starting at this line and column of the page, or null when no template did.</summary>
    public WrittenBy? At(string html, int line, int column)
    {
        if (_marks.Length == 0) return null;
        var offset = Offset(html, line, column);
        if (offset < 0) return null;
        // A tag's position may be reported just past its '<'.
        if (html[offset] != '<' && offset > 0 && html[offset - 1] == '<') offset--;
        var index = Array.BinarySearch(_marks, new TemplateMark(offset, null!, 0, false), ByPosition.Instance);
        if (index < 0) index = ~index - 1;
        if (index < 0) return null;
        var mark = _marks[index];
        var text = mark.File.Text;
        var source = Math.Clamp(mark.Raw ? mark.SourceOffset + (offset - mark.At) : mark.SourceOffset, 0, text.Length);
        var sourceLine = 1 + text.AsSpan(0, source).Count('\n');
        var sourceColumn = source - (text.LastIndexOf('\n', Math.Max(0, source - 1)) + 1) + 1;
        if (source > 0 && text[source - 1] == '\n') sourceColumn = 1;
        return new WrittenBy(mark.File.Display, sourceLine, sourceColumn, AsValue: !mark.Raw);
    }

    private static int Offset(string html, int line, int column)
    {
        var at = 0;
        for (var l = 1; l < line; l++)
        {
            at = html.IndexOf('\n', at) + 1;
            if (at == 0) return -1;
        }
        at += column - 1;
        return at >= 0 && at < html.Length ? at : -1;
    }

    private sealed class ByPosition : IComparer<TemplateMark>
    {
        public static readonly ByPosition Instance = new();

        public int Compare(TemplateMark x, TemplateMark y) => x.At.CompareTo(y.At);
    }

    /// <summary>The layout's marks with the body's at each place the layout wrote it, as positions of the whole page.</summary>
    internal static PageSources Merge(List<TemplateMark> layout, List<(int At, StringBuilder Body)> splices, StringBuilder body, List<TemplateMark> bodyMarks)
    {
        if (splices.Count == 0) return new PageSources(layout.ToArray());
        var marks = new List<TemplateMark>(layout.Count + bodyMarks.Count * splices.Count);
        var shift = 0;
        var next = 0;
        foreach (var (at, spliced) in splices)
        {
            for (; next < layout.Count && layout[next].At < at; next++) marks.Add(layout[next] with { At = layout[next].At + shift });
            if (ReferenceEquals(spliced, body))
                foreach (var mark in bodyMarks) marks.Add(mark with { At = mark.At + at + shift });
            shift += spliced.Length;
        }
        for (; next < layout.Count; next++) marks.Add(layout[next] with { At = layout[next].At + shift });
        return new PageSources(marks.ToArray());
    }
}

/// <summary>A template position that wrote some markup.</summary>
/// <param name="AsValue">It wrote it as a value (a rendered body, a partial rendered to a value), not as its own text.</param>
public sealed record WrittenBy(string File, int Line, int Column, bool AsValue);

/// <summary>A rendered page: its bytes, and where its markup came from.</summary>
public sealed record RenderedPage(byte[] Html, PageSources Sources);
