using System.Text.RegularExpressions;

namespace RoadmapGen.Render.Strings;

/// <summary>
/// One key of a strings file: a text, plural forms by CLDR category, or a list (the month
/// names), with where it was written. Texts hold placeholders such as <c>{count}</c>.
/// </summary>
public sealed partial record StringEntry(string Key, int Line, int Column, string? Text,
    IReadOnlyDictionary<string, string>? Plural, IReadOnlyList<string>? List)
{
    public bool IsPlural => Plural is not null;

    /// <summary>Every text of the entry: the text, each plural form, or each list item.</summary>
    public IEnumerable<string> Texts => Text is not null ? [Text] : Plural?.Values ?? List ?? [];

    /// <summary>The placeholder names its texts use, sorted: what every language must use alike.</summary>
    public IReadOnlyList<string> Placeholders =>
        Texts.SelectMany(t => PlaceholderNames(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public string Kind => IsPlural ? "plural forms" : List is not null ? "a list" : "a text";

    public static IEnumerable<string> PlaceholderNames(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The text with each <c>{name}</c> replaced by <paramref name="value"/>'s answer; null when one has none.</summary>
    public static string Fill(string text, Func<string, string?> value, out string? missing)
    {
        string? lacking = null;
        var filled = Placeholder().Replace(text, m => value(m.Groups[1].Value) ?? (lacking ??= m.Groups[1].Value));
        missing = lacking;
        return filled;
    }

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
