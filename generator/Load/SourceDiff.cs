namespace RoadmapGen.Load;

/// <summary>What changed between two versions of a source file, in a few words a translator can act on.</summary>
public static class SourceDiff
{
    private const int HeadingsShown = 3;

    public static string Summary(string before, string after)
    {
        var oldLines = Lines(before);
        var newLines = Lines(after);
        var added = Without(newLines, oldLines);
        var removed = Without(oldLines, newLines);
        var parts = new List<string>();
        var changed = Math.Min(added.Count, removed.Count);
        if (changed > 0) parts.Add(Count(changed, "line") + " changed");
        if (added.Count > changed) parts.Add(Count(added.Count - changed, "line") + " added");
        if (removed.Count > changed) parts.Add(Count(removed.Count - changed, "line") + " removed");
        var oldHeadings = Headings(oldLines);
        var newHeadings = Headings(newLines);
        if (List(newHeadings.Except(oldHeadings, StringComparer.Ordinal).ToList()) is { } newOnes) parts.Add("new heading " + newOnes);
        if (List(oldHeadings.Except(newHeadings, StringComparer.Ordinal).ToList()) is { } gone) parts.Add("heading " + gone + " removed");
        return parts.Count == 0 ? "only blank lines or spacing" : string.Join("; ", parts);
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string? List(IReadOnlyList<string> headings) => headings.Count switch
    {
        0 => null,
        <= HeadingsShown => string.Join(", ", headings.Select(h => $"'{h}'")),
        _ => string.Join(", ", headings.Take(HeadingsShown).Select(h => $"'{h}'")) + $" and {headings.Count - HeadingsShown} more",
    };

    private static List<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();

    /// <summary>The lines of <paramref name="a"/> left once each line of <paramref name="b"/> has taken away one equal line.</summary>
    private static List<string> Without(List<string> a, List<string> b)
    {
        var counts = b.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var left = new List<string>();
        foreach (var line in a)
        {
            if (counts.TryGetValue(line, out var n) && n > 0) counts[line] = n - 1;
            else left.Add(line);
        }
        return left;
    }

    /// <summary>Markdown ATX headings outside fenced code.</summary>
    private static List<string> Headings(List<string> lines)
    {
        var headings = new List<string>();
        var fenced = false;
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) fenced = !fenced;
            else if (!fenced && trimmed.StartsWith('#') && trimmed.TrimStart('#') is [' ', ..] rest) headings.Add(rest.Trim());
        }
        return headings;
    }
}
