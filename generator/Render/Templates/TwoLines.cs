namespace RoadmapGen.Render.Templates;

/// <summary>
/// <c>{{ two_lines site.title 30 }}</c>: a name longer than that many characters, written as two
/// lines broken at the space nearest its middle, else as it is; escaped either way.
/// A box whose text the browser wrapped keeps the width it was given, not the width of its
/// lines (CSS has no shrink-to-lines), so a long header name wrapped by CSS left a gap beside it;
/// a forced break makes the box exactly as wide as its longer line.
/// </summary>
public static class TwoLines
{
    public const string Name = "two_lines";

    public static string Html(string text, int longerThan)
    {
        var split = SplitAt(text);
        if (text.Length <= longerThan || split < 0) return HtmlEscape.Text(text);
        // The space stays in the text (before the break, where it takes no room), so the link's
        // text, and what a reader copies or a screen reader reads, is the name unchanged.
        return HtmlEscape.Text(text[..(split + 1)]) + "<br>" + HtmlEscape.Text(text[(split + 1)..]);
    }

    /// <summary>The space that leaves the two lines' lengths closest, or -1 for a name of one word.</summary>
    private static int SplitAt(string text)
    {
        var best = -1;
        var middle = (text.Length - 1) / 2.0;
        for (var i = 1; i < text.Length - 1; i++)
            if (text[i] == ' ' && (best < 0 || Math.Abs(i - middle) < Math.Abs(best - middle))) best = i;
        return best;
    }
}
