using System.Text.Encodings.Web;
using System.Text.Json;

namespace RoadmapGen.Render.Strings;

/// <summary>
/// The words the scripts show (app.js, search.js, offline.js, copy.js), one file per language:
/// <c>assets/strings.&lt;code&gt;.&lt;hash&gt;.js</c> (<see cref="Routes.StringsScript"/>), which hands
/// them to <c>roadmapgenStrings</c> (theme.js) for <c>roadmapgenText</c>. A file of its own rather
/// than JSON in every page: a browser fetches it once and keeps it, where the JSON was about 3 KB of
/// every page (a fifth of a topic page at 10,000 topics); and the Content-Security-Policy lets only
/// the site's own script files run.
/// </summary>
public static class ScriptStrings
{
    /// <summary>The groups of keys the scripts read: every key under <c>js:</c>, and the few words a script shares with the templates.</summary>
    public static readonly IReadOnlyList<string> Groups = ["js", "status", "continue", "choice"];

    public static bool IsRead(string key) => Groups.Any(g => key.Length > g.Length && key[g.Length] == '.' && key.StartsWith(g, StringComparison.Ordinal));

    /// <summary>
    /// The keys the scripts read, as the source language's file gives them, each at its line there:
    /// every language must have them (checked with the templates' keys), and a language that lacks
    /// one is told at the English text to translate.
    /// </summary>
    public static IEnumerable<StringUse> Uses(InterfaceStrings strings) =>
        strings.For(InterfaceStrings.SourceLanguage) is { } source
            ? source.Entries.Values.Where(e => IsRead(e.Key)).OrderBy(e => e.Line).Select(e => new StringUse(e.Key, source.Display, e.Line, e.Column))
            : [];

    /// <summary>
    /// The script for one language: its words as an object (plural forms as an object by CLDR
    /// category, which the script picks with Intl.PluralRules), in the order of the strings file.
    /// </summary>
    public static byte[] Script(StringTable table)
    {
        using var buffer = new MemoryStream();
        buffer.Write("roadmapgenStrings("u8);
        // Relaxed escaping keeps the words readable: this is a script file, never inside HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var entry in table.Entries.Values.Where(e => IsRead(e.Key)))
            {
                if (entry.Plural is { } forms)
                {
                    json.WriteStartObject(entry.Key);
                    foreach (var (category, form) in forms) json.WriteString(category, form);
                    json.WriteEndObject();
                }
                else if (entry.Text is { } single) json.WriteString(entry.Key, single);
            }
            json.WriteEndObject();
        }
        buffer.Write(");\n"u8);
        return buffer.ToArray();
    }
}
