using System.Buffers;
using System.Text;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// Escapes text for both element and quoted-attribute positions. Only the five characters
/// that can end text or an attribute are replaced, so non-ASCII titles stay readable in the source.
/// </summary>
public static class HtmlEscape
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    public static string Text(string text)
    {
        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text.AsSpan(0, first));
        foreach (var c in text.AsSpan(first))
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }
}
