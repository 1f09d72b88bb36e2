using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Render.Strings;

/// <summary>
/// Every language's interface strings (<c>templates/strings/*.yml</c>), checked against each
/// other and against the keys the templates and the generator ask for: a key a language lacks
/// is an error where it is asked for, never an English fallback. A key nobody asks for fails a
/// test (<see cref="Unused"/>), not the build: a site with its own templates may leave keys unused.
/// </summary>
public sealed class InterfaceStrings
{
    public const string Folder = "strings";
    public const string SourceLanguage = "en";

    /// <summary>
    /// Keys asked for other than by a literal in a template: by the generator (page titles), by
    /// templates with a computed key (<c>t ("resource_type." + resource.type)</c>) or by t_date.
    /// </summary>
    public static readonly IReadOnlyList<string> CodeKeys =
    [
        "title.not_found", "title.not_saved", "title.topic_index", "title.topic_letter", "title.whole_roadmap", "title.roadmap_index", "description.topic_index", "description.roadmap_index", "date.months", "date.long",
        "resource_type.article", "resource_type.video", "resource_type.course", "resource_type.book",
        "resource_type.official", "resource_type.tool", "resource_type.podcast", "resource_type.community",

    ];

    private readonly Dictionary<string, StringTable> _tables;

    private InterfaceStrings(string folderDisplay, Dictionary<string, StringTable> tables)
    {
        FolderDisplay = folderDisplay;
        _tables = tables;
    }

    /// <summary>The strings folder as diagnostics name it (templates/strings).</summary>
    public string FolderDisplay { get; }

    public IEnumerable<StringTable> Tables => _tables.Values.OrderBy(t => t.Language, StringComparer.Ordinal);

    /// <summary>The table of a language, or null when it has no file.</summary>
    public StringTable? For(string language) => _tables.GetValueOrDefault(language);

    /// <summary>Where a language's file is or would be: what a diagnostic tells the reader to edit.</summary>
    public string FileOf(string language) => FolderDisplay + "/" + language + ".yml";

    /// <summary>Reads every <c>&lt;code&gt;.yml</c> of the folder (none is fine: a site whose templates use no <c>t</c>); null after a mistake.</summary>
    public static InterfaceStrings? Load(string templatesRoot, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(templatesRoot, Folder);
        var tables = new Dictionary<string, StringTable>(StringComparer.Ordinal);
        var ok = true;
        if (Directory.Exists(folder))
            foreach (var path in Directory.GetFiles(folder, "*.yml").Order(StringComparer.Ordinal))
            {
                var source = SourceText.Read(path, DisplayPath.Of(path), diagnostics);
                if (source is null) { ok = false; continue; }
                var table = StringTable.Parse(Path.GetFileNameWithoutExtension(path), source.Path, source.Text, diagnostics);
                if (table is null) ok = false;
                else tables[table.Language] = table;
            }
        return ok ? new InterfaceStrings(DisplayPath.Of(folder), tables) : null;
    }

    /// <summary>
    /// Checks every file against the keys asked for (<paramref name="asked"/>: each literal key a
    /// template passes to <c>t</c>, at its line, and each key the scripts read) and against the
    /// source language's file.
    /// </summary>
    public void Check(IReadOnlyList<StringUse> asked, DiagnosticBag diagnostics)
    {
        var source = For(SourceLanguage);
        foreach (var table in Tables)
        {
            foreach (var use in asked.DistinctBy(a => (a.Key, a.File, a.Line, a.Column)))
                if (!table.Entries.ContainsKey(use.Key))
                    diagnostics.Error(Codes.MissingString, use.File, use.Line, use.Column, Missing(use.Key, table.Language));
            foreach (var key in CodeKeys.Where(k => !table.Entries.ContainsKey(k)))
                diagnostics.Error(Codes.MissingString, table.Display, 0, 0,
                    $"the string '{key}' is missing: the generator asks for it (page titles, resource types, dates) (add it to {FileOf(table.Language)})");
            foreach (var entry in table.Entries.Values.OrderBy(e => e.Line))
            {
                CheckPlural(table, entry, diagnostics);
                if (table != source && source?.Entries.GetValueOrDefault(entry.Key) is { } original)
                    CheckAgainstSource(table, entry, original, diagnostics);
            }
        }
    }

    /// <summary>
    /// A text the generator writes itself (a page title) in a language, placeholders filled. A
    /// missing key was reported when the files were checked; a missing file is reported here.
    /// </summary>
    public string Text(string language, string key, DiagnosticBag diagnostics, params (string Name, string Value)[] values)
    {
        var table = For(language);
        if (table is null)
        {
            diagnostics.Error(Codes.MissingString, FolderDisplay, 0, 0,
                $"there is no strings file for the language '{language}' (add {FileOf(language)}: the interface's words, page titles and dates)");
            return key;
        }
        if (table.Entries.GetValueOrDefault(key)?.Text is not { } text) return key;
        return StringEntry.Fill(text, name => values.FirstOrDefault(v => v.Name == name).Value, out _);
    }

    private string Missing(string key, string language) =>
        $"the string '{key}' is missing from {FileOf(language)} (add it there: every language's file needs every key the templates use)";

    /// <summary>Each file's keys that no template (<paramref name="asked"/>) and no part of the generator asks for.</summary>
    public IEnumerable<(StringTable Table, StringEntry Entry)> Unused(IReadOnlyList<StringUse> asked) =>
        Tables.SelectMany(table => table.Entries.Values
            .Where(e => !CodeKeys.Contains(e.Key) && !asked.Any(a => a.Key == e.Key))
            .Select(e => (table, e)));

    private static void CheckPlural(StringTable table, StringEntry entry, DiagnosticBag diagnostics)
    {
        if (entry.Plural is not { } forms) return;
        if (!PluralRules.Knows(table.Language))
        {
            diagnostics.Error(Codes.StringMismatch, table.Display, entry.Line, entry.Column,
                $"'{entry.Key}' has plural forms, but the plural rules of '{table.Language}' are not known (add them to generator/Render/Strings/PluralRules.cs from CLDR)");
            return;
        }
        var needed = PluralRules.Categories(table.Language);
        var lacking = needed.Where(c => !forms.ContainsKey(c)).ToList();
        var extra = forms.Keys.Where(c => !needed.Contains(c)).ToList();
        if (lacking.Count > 0 || extra.Count > 0)
            diagnostics.Error(Codes.StringMismatch, table.Display, entry.Line, entry.Column,
                $"'{entry.Key}' must give the plural forms {string.Join(", ", needed)} (the CLDR categories of '{table.Language}')"
                + (lacking.Count > 0 ? $"; add {string.Join(", ", lacking)}" : "")
                + (extra.Count > 0 ? $"; remove {string.Join(", ", extra)}, which '{table.Language}' never uses" : ""));
    }

    private static void CheckAgainstSource(StringTable table, StringEntry entry, StringEntry original, DiagnosticBag diagnostics)
    {
        if (entry.Kind != original.Kind)
        {
            diagnostics.Error(Codes.StringMismatch, table.Display, entry.Line, entry.Column,
                $"'{entry.Key}' is {entry.Kind} here but {original.Kind} in the source language's file (write it as {original.Kind})");
            return;
        }
        if (entry.List is { } list && original.List is { } originalList && list.Count != originalList.Count)
            diagnostics.Error(Codes.StringMismatch, table.Display, entry.Line, entry.Column,
                $"'{entry.Key}' has {list.Count} items but {originalList.Count} in the source language's file (give one for each)");
        var mine = entry.Placeholders;
        var theirs = original.Placeholders;
        if (!mine.SequenceEqual(theirs))
            diagnostics.Error(Codes.StringMismatch, table.Display, entry.Line, entry.Column,
                $"'{entry.Key}' uses the placeholders {Names(mine)} but the source language's file uses {Names(theirs)} (use the same names: they are filled in by the templates)");
    }

    private static string Names(IReadOnlyList<string> names) =>
        names.Count == 0 ? "none" : string.Join(", ", names.Select(n => "{" + n + "}"));
}

/// <summary>
/// A key asked for where it is asked: by a template with a literal, <c>{{ t "nav.topics" }}</c>, at
/// its line; or by the scripts, at its line in the source language's file (<see cref="ScriptStrings.Uses"/>).
/// </summary>
public sealed record StringUse(string Key, string File, int Line, int Column);
