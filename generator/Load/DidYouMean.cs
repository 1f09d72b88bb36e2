namespace RoadmapGen.Load;

/// <summary>Suggests the closest known name for a typo, the way compilers do.</summary>
public static class DidYouMean
{
    public static string? Suggest(string typo, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(typo.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance) { bestDistance = distance; best = candidate; }
        }
        // Beyond about a third of the word, a suggestion is more confusing than helpful.
        return best is not null && bestDistance <= Math.Max(2, typo.Length / 3) ? best : null;
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus swapped neighbours ("cahcing").</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
