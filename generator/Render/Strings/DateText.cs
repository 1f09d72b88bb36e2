namespace RoadmapGen.Render.Strings;

/// <summary>
/// Dates in a language's words from its strings file: the build runs with invariant
/// globalization (no ICU, so the native binary runs anywhere), where CultureInfo knows no
/// month names but English ones. <c>date.long</c> is the pattern ("{day} de {month} de {year}").
/// </summary>
public static class DateText
{
    public static string Format(DateOnly date, IReadOnlyList<string> months, string pattern) =>
        StringEntry.Fill(pattern, name => name switch
        {
            "day" => date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "month" => months[date.Month - 1],
            "year" => date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        }, out _);
}
