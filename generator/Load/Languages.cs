using System.Text.RegularExpressions;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>A language the site is published in: its BCP 47 code, its name in itself, its writing direction.</summary>
public sealed record Language(string Code, string Name, string Direction)
{
    public bool IsRightToLeft => Direction == "rtl";
}

/// <summary>
/// site.yml's <c>languages:</c>. The first entry is the source language (the one the content is
/// written in); every other one is published under its code. A site without the field is a
/// one-language site, built exactly as before languages existed.
/// </summary>
public static partial class Languages
{
    public const string Key = "languages";
    private static readonly string[] Fields = ["code", "name", "dir"];

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex CodePattern();

    /// <summary>The languages in order; empty when site.yml names none. A bad entry is an error at its line and is left out.</summary>
    public static IReadOnlyList<Language> Read(YamlMap site, DiagnosticBag diagnostics)
    {
        var items = site.MapList(Key, required: false, itemWhat: "language");
        if (items is null || items.Count == 0) return [];
        var languages = new List<Language>();
        foreach (var item in items)
        {
            var code = item.String("code", required: true, hint: "es");
            var name = item.String("name", required: true, hint: "the language's name in itself, like Español");
            var dir = item.String("dir", required: false) ?? "ltr";
            item.ReportUnknown(Fields);
            if (code is null || name is null) continue;
            if (!CodePattern().IsMatch(code))
            {
                diagnostics.Error(Codes.InvalidLanguage, item.File, item.PositionOf("code").Line, item.PositionOf("code").Column,
                    $"language code '{code}' is not a BCP 47 language tag with its language in lowercase, the language's URL prefix and its pages' lang (write it like 'es', 'pt-BR' or 'ar')");
                continue;
            }
            if (dir is not ("ltr" or "rtl"))
            {
                diagnostics.Error(Codes.InvalidLanguage, item.File, item.PositionOf("dir").Line, item.PositionOf("dir").Column,
                    $"'dir' of language '{code}' is '{dir}' (write 'ltr' for left-to-right or 'rtl' for right-to-left)");
                continue;
            }
            if (languages.Any(l => l.Code == code))
            {
                diagnostics.Error(Codes.InvalidLanguage, item.File, item.Line, item.Column,
                    $"language '{code}' is listed twice (remove one)");
                continue;
            }
            languages.Add(new Language(code, name, dir));
        }
        if (languages.Count == 1)
            diagnostics.Warning(Codes.InvalidLanguage, site.File, site.PositionOf(Key).Line, site.PositionOf(Key).Column,
                $"'languages' names only '{languages[0].Code}', the source language: nothing is translated (add a second language, or remove 'languages')");
        return languages;
    }
}
