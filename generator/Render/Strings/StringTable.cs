using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RoadmapGen.Render.Strings;

/// <summary>
/// One language's interface strings, <c>templates/strings/&lt;code&gt;.yml</c>: nested mappings
/// whose leaves are texts (<c>nav.topics: Topics A–Z</c>), plural forms keyed by CLDR category,
/// or lists. Read with positions, so every mistake is reported at its line.
/// </summary>
public sealed class StringTable
{
    private StringTable(string language, string display, string text, IReadOnlyDictionary<string, StringEntry> entries)
    {
        Language = language;
        Display = display;
        Text = text;
        Entries = entries;
    }

    /// <summary>The language code, the file's name ("es").</summary>
    public string Language { get; }

    /// <summary>The file as diagnostics name it.</summary>
    public string Display { get; }

    /// <summary>The file's text, part of the templates' version (serve renders again when it changes).</summary>
    public string Text { get; }

    public IReadOnlyDictionary<string, StringEntry> Entries { get; }

    public static StringTable? Parse(string language, string display, string text, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(YamlLimits.For(text));
        }
        catch (YamlException e)
        {
            diagnostics.Error(Codes.YamlSyntax, display, FileSpan.Yaml(e.Start, e.End, 0),
                $"invalid YAML in the strings file: {(e.InnerException ?? e).Message} (check indentation, and quote a text that contains ': ' or starts with '{{')");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            diagnostics.Error(Codes.YamlSyntax, display, 1, 1,
                "invalid YAML in the strings file: it could not be read (look for an unclosed '[' or '{', or a text that needs quotes)");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(Codes.WrongType, display, 1, 1,
                "a strings file is 'key: text' lines, grouped under headings ('nav:' then indented 'topics: Topics A–Z')");
            return null;
        }
        var entries = new Dictionary<string, StringEntry>(StringComparer.Ordinal);
        var ok = Read(root, "", display, entries, diagnostics);
        return ok ? new StringTable(language, display, text, entries) : null;
    }

    private static bool Read(YamlMappingNode map, string prefix, string display, Dictionary<string, StringEntry> entries, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var (keyNode, value) in map.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var key = prefix + name;
            var (line, column) = ((int)keyNode.Start.Line, (int)keyNode.Start.Column);
            if (!IsKeyName(name))
            {
                diagnostics.Error(Codes.WrongType, display, line, column,
                    $"'{name}' is not a key name (use lowercase letters, digits and '_', like 'topics_az')");
                ok = false;
                continue;
            }
            switch (value)
            {
                case YamlScalarNode { Value: { Length: > 0 } text }:
                    entries[key] = new StringEntry(key, line, column, text, null, null);
                    break;
                case YamlMappingNode forms when IsPlural(forms):
                    entries[key] = new StringEntry(key, line, column, null,
                        forms.Children.ToDictionary(f => ((YamlScalarNode)f.Key).Value!, f => ((YamlScalarNode)f.Value).Value!, StringComparer.Ordinal), null);
                    break;
                case YamlMappingNode group when !group.Children.Keys.Any(k => k is YamlScalarNode { Value: { } v } && PluralRules.AllCategories.Contains(v)):
                    ok &= Read(group, key + ".", display, entries, diagnostics);
                    break;
                case YamlSequenceNode list when list.Children.All(i => i is YamlScalarNode { Value.Length: > 0 }):
                    entries[key] = new StringEntry(key, line, column, null, null, list.Children.Select(i => ((YamlScalarNode)i).Value!).ToList());
                    break;
                default:
                    diagnostics.Error(Codes.WrongType, display, FileSpan.Yaml(value.Start, value.End, 0),
                        $"'{key}' must be a text, plural forms (only 'zero', 'one', 'two', 'few', 'many', 'other', each a text), a list of texts, or a group of keys");
                    ok = false;
                    break;
            }
        }
        return ok;
    }

    private static bool IsPlural(YamlMappingNode forms) => forms.Children.Count > 0 && forms.Children.All(f =>
        f.Key is YamlScalarNode { Value: { } category } && PluralRules.AllCategories.Contains(category)
        && f.Value is YamlScalarNode { Value.Length: > 0 });

    private static bool IsKeyName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
