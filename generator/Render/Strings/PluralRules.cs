namespace RoadmapGen.Render.Strings;

/// <summary>
/// CLDR cardinal plural rules (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html)
/// for the languages the site ships (and Arabic, the right-to-left language tests use), as data: each language's categories in CLDR's order and,
/// for whole numbers (every count a template shows), the rule that picks one. NuGet has no
/// CLDR plural library; a new language adds its line here, copied from the CLDR chart.
/// </summary>
public static class PluralRules
{
    /// <summary>Every category CLDR names, in its order.</summary>
    public static readonly IReadOnlyList<string> AllCategories = ["zero", "one", "two", "few", "many", "other"];

    private sealed record Rule(IReadOnlyList<string> Categories, Func<long, string> Pick);

    // For a whole number n the CLDR operands are i = n, v = 0, e = 0 (no compact exponent).
    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        // one: i = 1 and v = 0
        ["en"] = new(["one", "other"], n => n == 1 ? "one" : "other"),
        // one: n = 1; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 ("1 000 000 de temas")
        ["es"] = new(["one", "many", "other"], n => n == 1 ? "one" : n != 0 && n % 1_000_000 == 0 ? "many" : "other"),
        // Arabic: the right-to-left language the tests render.
        ["ar"] = new(["zero", "one", "two", "few", "many", "other"], n => n switch
        {
            0 => "zero", 1 => "one", 2 => "two",
            _ when n % 100 is >= 3 and <= 10 => "few",
            _ when n % 100 is >= 11 and <= 99 => "many",
            _ => "other",
        }),
    };

    /// <summary>Whether the language's rules are known here.</summary>
    public static bool Knows(string language) => Rules.ContainsKey(Base(language));

    /// <summary>The categories a plural entry of this language must give, in CLDR's order.</summary>
    public static IReadOnlyList<string> Categories(string language) => Rules[Base(language)].Categories;

    /// <summary>The category of a count: "one" for 1 in English, "many" for 1,000,000 in Spanish.</summary>
    public static string Category(string language, long count) => Rules[Base(language)].Pick(Math.Abs(count));

    // "es-MX" follows "es".
    private static string Base(string language) => language.Split('-')[0].ToLowerInvariant();
}
