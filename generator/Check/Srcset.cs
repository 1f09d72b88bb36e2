namespace RoadmapGen.Check;

/// <summary>
/// The URLs of a srcset, by the HTML standard's "parse a srcset attribute" algorithm: a URL runs
/// to the next whitespace, so it may hold commas (<c>data:image/png;base64,…</c>,
/// <c>/cdn-cgi/image/format=webp,width=640/x.jpg</c>), and only trailing commas end a candidate.
/// AngleSharp's public <c>SourceSet.Parse</c> splits at spaces first, so it reads <c>" ,, a.png,, b.png"</c>
/// as ",", "a.png," and "b.png", and splits <c>"a.png 1x (x, y)"</c> into the URLs "a.png" and "(x";
/// lychee's parser follows the standard, and so does this one.
/// </summary>
/// <remarks>
/// Descriptors are skipped, not validated: a candidate whose descriptor the standard would
/// reject still names a URL an author meant to publish, and it is checked.
/// </remarks>
public static class Srcset
{
    public static IReadOnlyList<string> Urls(string srcset)
    {
        var urls = new List<string>();
        var position = 0;
        while (true)
        {
            // Splitting loop: whitespace and commas before a candidate.
            while (position < srcset.Length && (IsSpace(srcset[position]) || srcset[position] == ',')) position++;
            if (position >= srcset.Length) return urls;
            var start = position;
            while (position < srcset.Length && !IsSpace(srcset[position])) position++;
            var url = srcset[start..position];
            if (url.EndsWith(','))
            {
                // "a.png," ends the candidate there, without descriptors.
                url = url.TrimEnd(',');
                if (url.Length > 0) urls.Add(url);
                continue;
            }
            urls.Add(url);
            position = SkipDescriptors(srcset, position);
        }
    }

    /// <summary>The descriptor tokenizer's states, reduced to finding the comma that ends the candidate.</summary>
    private static int SkipDescriptors(string srcset, int position)
    {
        var inParens = false;
        for (; position < srcset.Length; position++)
        {
            var c = srcset[position];
            if (inParens) inParens = c != ')';
            else if (c == '(') inParens = true;
            else if (c == ',') return position + 1;
        }
        return position;
    }

    /// <summary>ASCII whitespace: tab, line feed, form feed, carriage return, space.</summary>
    private static bool IsSpace(char c) => c is '\t' or '\n' or '\f' or '\r' or ' ';
}
