using RoadmapGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RoadmapGen.Load;

/// <summary>
/// A YAML mapping read with its positions, so every wrong value is reported at its own line
/// and column. Reading a field marks it known; <see cref="ReportUnknown"/> flags the rest.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _what;

    private YamlMap(YamlMappingNode node, string file, int lineOffset, DiagnosticBag diagnostics, string what)
    {
        _node = node; _file = file; _lineOffset = lineOffset; _diagnostics = diagnostics; _what = what;
    }

    public int Line => (int)_node.Start.Line + _lineOffset;
    /// <summary>The file the map was read from, as diagnostics name it.</summary>
    public string File => _file;
    public int Column => (int)_node.Start.Column;

    /// <summary>Parses YAML text whose first line is line <paramref name="firstLine"/> of <paramref name="file"/>.</summary>
    public static YamlMap? Parse(string yaml, string file, int firstLine, DiagnosticBag diagnostics, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(YamlLimits.For(yaml));
        }
        catch (YamlException e)
        {
            diagnostics.Error(Codes.YamlSyntax, file, FileSpan.Yaml(e.Start, e.End, firstLine - 1),
                $"invalid YAML in {what}: {Describe(e)} (check indentation, and quote values that contain ': ' or start with a special character)");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet reports some malformed input (an unclosed flow list) as a state error without a position.
            diagnostics.Error(Codes.YamlSyntax, file, firstLine, 1,
                $"invalid YAML in {what}: it could not be read (look for an unclosed '[' or '{{', or a value that needs quotes)");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            diagnostics.Error(Codes.MissingField, file, firstLine, 1, $"{what} is empty (add its fields: see .github/CONTRIBUTING.md)");
            return null;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            var root = stream.Documents[0].RootNode;
            diagnostics.Error(Codes.WrongType, file, (int)root.Start.Line + firstLine - 1, (int)root.Start.Column,
                $"{what} must be a set of 'field: value' lines (start each line with a field name and ': ', like 'title: Caching')");
            return null;
        }
        return new YamlMap(map, file, firstLine - 1, diagnostics, what);
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && cut > 0) message = message[(cut + 3)..];
        return message.TrimEnd('.');
    }

    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Where a key's value starts (for text that is parsed again, like a Markdown answer), or the map's own position.</summary>
    public (int Line, int Column) PositionOf(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? At(value) : (Line, Column);

    private YamlNode? Get(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    private (int Line, int Column) At(YamlNode node) => ((int)node.Start.Line + _lineOffset, (int)node.Start.Column);

    /// <summary>The whole of a node, for a diagnostic about its value.</summary>
    private FileSpan SpanOf(YamlNode node) => FileSpan.Yaml(node.Start, node.End, _lineOffset);

    private void WrongType(YamlNode node, string key, string expected, string fix) =>
        _diagnostics.Error(Codes.WrongType, _file, SpanOf(node), $"'{key}' must be {expected} ({fix})");

    public string? String(string key, bool required, string hint = "")
    {
        var node = Get(key);
        if (node is null || node is YamlScalarNode { Value: null or "" } && IsNullScalar(node))
        {
            if (required)
                _diagnostics.Error(Codes.MissingField, _file, Line, Column,
                    $"missing required field '{key}' in {_what} (add '{key}: {(hint.Length > 0 ? hint : "…")}')");
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            WrongType(node, key, "a single text value, not a list or a mapping", $"write it on one line, '{key}: text', in quotes if it contains ': '");
            return null;
        }
        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                _diagnostics.Error(Codes.MissingField, _file, SpanOf(node), $"'{key}' is empty in {_what} (write its value after '{key}: ')");
            }
            return null;
        }
        return value;
    }

    private static bool IsNullScalar(YamlNode node) =>
        node is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");

    /// <summary>A list of plain strings, each with its position.</summary>
    public IReadOnlyList<(string Value, int Line, int Column)>? StringList(string key, bool required)
    {
        var node = Get(key);
        if (node is null || IsNullScalar(node))
        {
            if (required)
                _diagnostics.Error(Codes.MissingField, _file, Line, Column, $"missing required field '{key}' in {_what} (add '{key}: [a, b]')");
            return node is null && !required ? Array.Empty<(string, int, int)>() : null;
        }
        if (node is not YamlSequenceNode sequence)
        {
            WrongType(node, key, "a list", "write it as [a, b], or as lines starting with '- '");
            return null;
        }
        var result = new List<(string, int, int)>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } v })
            {
                var (line, column) = At(item);
                result.Add((v.Trim(), line, column));
            }
            else WrongType(item, key, "a list of plain values", "write each item as a single word, like a slug, not a list or a mapping");
        }
        return result;
    }

    /// <summary>A list of mappings (e.g. resources or stages).</summary>
    public IReadOnlyList<YamlMap>? MapList(string key, bool required, string itemWhat)
    {
        var node = Get(key);
        if (node is null || IsNullScalar(node))
        {
            if (required)
                _diagnostics.Error(Codes.MissingField, _file, Line, Column, $"missing required field '{key}' in {_what} (add '{key}:' and a {itemWhat} under it, starting with '- ')");
            return required ? null : Array.Empty<YamlMap>();
        }
        if (node is not YamlSequenceNode sequence)
        {
            WrongType(node, key, $"a list of {itemWhat}s", $"start each {itemWhat} with '- ' on a line of its own, under '{key}:'");
            return null;
        }
        var result = new List<YamlMap>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode map) result.Add(new YamlMap(map, _file, _lineOffset, _diagnostics, itemWhat));
            else WrongType(item, key, $"a list of {itemWhat}s with 'field: value' lines", $"write each {itemWhat}'s fields as 'field: value' lines, indented under its '- '");
        }
        if (required && result.Count == 0 && sequence.Children.Count == 0)
            _diagnostics.Error(Codes.MissingField, _file, SpanOf(node), $"'{key}' is empty in {_what} (add at least one {itemWhat}, starting with '- ')");
        return result;
    }

    /// <summary>A mapping of names to one-line texts (e.g. a choice's <c>when:</c>), each with the position of its name.</summary>
    public IReadOnlyList<(string Name, string Text, int Line, int Column)>? TextMap(string key, string hint)
    {
        var node = Get(key);
        if (node is null || IsNullScalar(node)) return [];
        if (node is not YamlMappingNode map)
        {
            WrongType(node, key, "a mapping", $"write one '{hint}' line for each, indented under '{key}:'");
            return null;
        }
        var result = new List<(string, string, int, int)>();
        foreach (var (name, value) in map.Children)
        {
            if (name is YamlScalarNode { Value: { Length: > 0 } n } && value is YamlScalarNode { Value: { Length: > 0 } text })
            {
                var (line, column) = At(name);
                result.Add((n.Trim(), text.Trim(), line, column));
            }
            else WrongType(value, key, "a mapping of names to one-line texts", $"write each as '{hint}' on one line");
        }
        return result;
    }

    /// <summary>A mapping of names to mappings (e.g. a translated roadmap's stages by id), each with the position of its name.</summary>
    public IReadOnlyList<(string Name, YamlMap Map, int Line, int Column)>? NamedMaps(string key, string itemWhat)
    {
        var node = Get(key);
        if (node is null || IsNullScalar(node)) return [];
        if (node is not YamlMappingNode map)
        {
            WrongType(node, key, $"a mapping of names to {itemWhat}s", $"write each name and ':' on a line of its own, its fields indented under it");
            return null;
        }
        var result = new List<(string, YamlMap, int, int)>();
        foreach (var (name, value) in map.Children)
        {
            if (name is YamlScalarNode { Value: { Length: > 0 } n } && value is YamlMappingNode fields)
            {
                var (line, column) = At(name);
                result.Add((n.Trim(), new YamlMap(fields, _file, _lineOffset, _diagnostics, itemWhat), line, column));
            }
            else WrongType(value, key, $"a mapping of names to {itemWhat}s", $"indent each {itemWhat}'s 'field: value' lines under its name");
        }
        return result;
    }

    /// <summary>A nested mapping (e.g. site.yml's 'rules:'); null when absent or empty, an error when not a mapping.</summary>
    public YamlMap? Map(string key, string what)
    {
        var node = Get(key);
        if (node is null || IsNullScalar(node)) return null;
        if (node is YamlMappingNode map) return new YamlMap(map, _file, _lineOffset, _diagnostics, what);
        WrongType(node, key, "a set of 'field: value' lines", $"indent its fields under '{key}:'");
        return null;
    }

    /// <summary>Warns about fields no reader asked for: usually a typo of a real one.</summary>
    public void ReportUnknown(IReadOnlyCollection<string> known)
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
            if (_read.Contains(key) || known.Contains(key)) continue;
            var (line, column) = At(keyNode);
            var suggestion = DidYouMean.Suggest(key, known);
            _diagnostics.Warning(Codes.UnknownField, _file, line, column,
                $"unknown field '{key}' in {_what}" + (suggestion is null
                    ? $" (known fields: {string.Join(", ", known)})"
                    : $" (did you mean '{suggestion}'?)"));
        }
    }
}
