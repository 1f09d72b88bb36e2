using System.Text.Json;
using TextMateSharp.Internal.Grammars.Parser;
using TextMateSharp.Internal.Types;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// Reads a grammar's JSON with System.Text.Json into the same tree TextMateSharp's own reader
/// builds (<c>GrammarReader.ReadGrammarSync</c>: a JSON tree of strings, then a property-list
/// tree made from it), in one pass over the UTF-8 bytes. Its rules, kept here so the trees stay
/// equal (GrammarJsonTests compares them for every grammar): objects become <see cref="Raw"/>,
/// arrays <c>List&lt;object&gt;</c>, strings stay; numbers, booleans and nulls are left out.
/// </summary>
internal static class GrammarJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <returns>The grammar, or null when the JSON is not an object this reader takes (the caller then uses the library's reader).</returns>
    public static IRawGrammar? Read(Stream utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, Options);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Object(document.RootElement) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static object? Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object => Object(element),
        JsonValueKind.Array => Array(element),
        _ => null,
    };

    private static Raw Object(JsonElement element)
    {
        var raw = new Raw();
        List<string>? scalars = null;
        foreach (var property in element.EnumerateObject())
        {
            // The library keeps a key given twice at its first place with its last value, and then
            // leaves it out if that value is a scalar: rare enough to let the library read those.
            if (raw.ContainsKey(property.Name) || scalars?.Contains(property.Name) == true) throw new DuplicateKey();
            if (Value(property.Value) is { } value) raw[property.Name] = value;
            else (scalars ??= []).Add(property.Name);
        }
        return raw;
    }

    private sealed class DuplicateKey : InvalidOperationException;

    private static List<object> Array(JsonElement element)
    {
        var list = new List<object>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
            if (Value(item) is { } value) list.Add(value);
        return list;
    }
}
