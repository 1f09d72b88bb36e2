using System.Text;
using System.Text.RegularExpressions;

namespace RoadmapGen.Load;

public static partial class Slug
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();

    public static bool IsValid(string slug) => slug.Length <= 80 && Kebab().IsMatch(slug);

    /// <summary>"Caching & CDNs" → "caching-cdns": used for stage ids and suggested fixes.</summary>
    public static string From(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
