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
    public static readonly PageSources None = new([], [], []);

    // What Render recorded, kept as it was made: the page's marks are merged only when Check asks
    // where a tag came from, which a clean page never does (merging every page's marks was 3% of
    // a 1,000-topic build's CPU, most of it allocating arrays the collector then cleared away).
    private readonly List<TemplateMark> _layout;
    private readonly (int At, int Length, bool IsBody)[] _splices;
    private readonly List<TemplateMark> _bodyMarks;
    private TemplateMark[]? _marks;

    private PageSources(List<TemplateMark> layout, (int At, int Length, bool IsBody)[] splices, List<TemplateMark> bodyMarks)
    {
        _layout = layout;
        _splices = splices;
        _bodyMarks = bodyMarks;
    }

    /// <summary>The template position that wrote the tag starting at this line and column of the page, or null when no template did.</summary>
    public WrittenBy? At(string html, int line, int column)
    {
        // Two threads asking at once build the same array; either may be kept.
        var marks = _marks ??= Merged();
        if (marks.Length == 0) return null;
        var offset = Offset(html, line, column);
        if (offset < 0) return null;
        // A tag's position may be reported just past its '<'.
        if (html[offset] != '<' && offset > 0 && html[offset - 1] == '<') offset--;
        var index = Array.BinarySearch(marks, new TemplateMark(offset, null!, 0, false), ByPosition.Instance);
        if (index < 0) index = ~index - 1;
        if (index < 0) return null;
        var mark = marks[index];
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

    /// <summary>
    /// A page's marks: the layout's, and the body's at each place the layout wrote the body. Only
    /// the splices' positions and lengths are read now: the builders are reused for later pages.
    /// </summary>
    internal static PageSources Merge(List<TemplateMark> layout, List<(int At, StringBuilder Body)> splices, StringBuilder body, List<TemplateMark> bodyMarks)
    {
        var cuts = new (int At, int Length, bool IsBody)[splices.Count];
        for (var i = 0; i < cuts.Length; i++) cuts[i] = (splices[i].At, splices[i].Body.Length, ReferenceEquals(splices[i].Body, body));
        return new PageSources(layout, cuts, bodyMarks);
    }

    /// <summary>The layout's marks with the body's at each place the layout wrote it, as positions of the whole page.</summary>
    private TemplateMark[] Merged()
    {
        if (_splices.Length == 0) return _layout.ToArray();
        var marks = new List<TemplateMark>(_layout.Count + _bodyMarks.Count * _splices.Length);
        var shift = 0;
        var next = 0;
        foreach (var (at, length, isBody) in _splices)
        {
            for (; next < _layout.Count && _layout[next].At < at; next++) marks.Add(_layout[next] with { At = _layout[next].At + shift });
            if (isBody)
                foreach (var mark in _bodyMarks) marks.Add(mark with { At = mark.At + at + shift });
            shift += length;
        }
        for (; next < _layout.Count; next++) marks.Add(_layout[next] with { At = _layout[next].At + shift });
        return marks.ToArray();
    }
}

/// <summary>A template position that wrote some markup.</summary>
/// <param name="AsValue">It wrote it as a value (a rendered body, a partial rendered to a value), not as its own text.</param>
public sealed record WrittenBy(string File, int Line, int Column, bool AsValue);

/// <summary>A rendered page: its bytes, and where its markup came from.</summary>
public sealed record RenderedPage(byte[] Html, PageSources Sources);
