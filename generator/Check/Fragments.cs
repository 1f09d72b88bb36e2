using System.Text;

namespace RoadmapGen.Check;

/// <summary>
/// Whether a URL's fragment indicates a part of a page, by the HTML standard's "find a potential
/// indicated element" steps: the fragment as the URL parser leaves it first, then percent-decoded,
/// then "top" in any case (the top of the page), and an empty fragment is the top too. A
/// fragment directive (<c>#:~:text=…</c>, a text fragment) is no id: the URL parser strips it first.
/// </summary>
public static class Fragments
{
    private const string DirectiveDelimiter = ":~:";

    /// <summary>Null when the fragment indicates the page, its top or an element of <paramref name="ids"/>; else the id to report missing.</summary>
    /// <param name="fragment">The fragment as written in the href, without its '#'.</param>
    public static string? Indicates(string fragment, IReadOnlySet<string> ids)
    {
        var directive = fragment.IndexOf(DirectiveDelimiter, StringComparison.Ordinal);
        if (directive >= 0) fragment = fragment[..directive];
        if (fragment.Length == 0) return null;
        var parsed = Encode(fragment);
        if (ids.Contains(parsed)) return null;
        var decoded = Decode(parsed);
        if (decoded is not null && ids.Contains(decoded)) return null;
        if (string.Equals(decoded, "top", StringComparison.OrdinalIgnoreCase)) return null;
        return decoded ?? parsed;
    }

    /// <summary>The fragment the URL parser keeps: the fragment percent-encode set escaped (controls, space, " &lt; &gt; `, non-ASCII), as UTF-8.</summary>
    private static string Encode(string fragment)
    {
        if (!fragment.Any(NeedsEscape)) return fragment;
        var builder = new StringBuilder(fragment.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < fragment.Length; i++)
        {
            var c = fragment[i];
            // The URL parser strips tabs and newlines anywhere in a URL.
            if (c is '\t' or '\n' or '\r') continue;
            if (!NeedsEscape(c))
            {
                builder.Append(c);
                continue;
            }
            var length = char.IsHighSurrogate(c) && i + 1 < fragment.Length
                ? Encoding.UTF8.GetBytes(fragment.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(fragment.AsSpan(i, 1), utf8);
            foreach (var b in utf8[..length]) builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c <= ' ' || c is '"' or '<' or '>' or '`' || c > '~';

    /// <summary>Percent-decoded, then read as UTF-8; null when the bytes are not UTF-8 ("UTF-8 decode without BOM or fail").</summary>
    private static string? Decode(string fragment)
    {
        if (!fragment.Contains('%')) return fragment;
        var bytes = new List<byte>(fragment.Length);
        for (var i = 0; i < fragment.Length; i++)
        {
            if (fragment[i] == '%' && i + 2 < fragment.Length && IsHex(fragment[i + 1]) && IsHex(fragment[i + 2]))
            {
                bytes.Add(Convert.ToByte(fragment.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(fragment[i].ToString()));
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
