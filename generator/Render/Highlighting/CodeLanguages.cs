using System.Collections.Frozen;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// The fence's language ("```py") → a grammar of TextMateSharp.Grammars (by its id, aliases and
/// file extensions, from <see cref="GrammarTable"/>) and a name for screen readers ("Code: Python").
/// </summary>
public static class CodeLanguages
{
    public sealed record Language(string Id, string Name);

    /// <summary>Names nicer than the grammars' own, and names of languages shown plain (no grammar ships for them).</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["shellscript"] = "Shell", ["shell"] = "Shell", ["console"] = "Shell", ["dockerfile"] = "Dockerfile",
        ["javascriptreact"] = "JSX", ["typescriptreact"] = "TSX", ["ini"] = "INI", ["properties"] = "Properties",
        ["http"] = "HTTP", ["nginx"] = "nginx", ["graphql"] = "GraphQL", ["apache"] = "Apache", ["gherkin"] = "Gherkin",
        ["text"] = "Text", ["plaintext"] = "Text", ["toml"] = "TOML", ["protobuf"] = "Protocol Buffers",
    };

    /// <summary>Fence names the grammars do not list themselves.</summary>
    private static readonly Dictionary<string, string> ExtraAliases = new(StringComparer.Ordinal)
    {
        ["shell"] = "shellscript", ["console"] = "shellscript", ["docker"] = "dockerfile", ["cs"] = "csharp",
        ["c#"] = "csharp", ["js"] = "javascript", ["node"] = "javascript", ["yml"] = "yaml",
    };

    private static readonly Lazy<(FrozenDictionary<string, Language> ByName, FrozenDictionary<string, string> Scopes)> Known = new(Read);

    /// <returns>The grammar for a fence's language, or null (unknown or missing: written plain).</returns>
    public static Language? Find(string? info)
    {
        if (string.IsNullOrWhiteSpace(info)) return null;
        return Known.Value.ByName.GetValueOrDefault(info.Trim().ToLowerInvariant());
    }

    public static string? ScopeOf(string languageId) => Known.Value.Scopes.GetValueOrDefault(languageId);

    /// <summary>"Code: Python"; a language without a grammar is named as written, none is just "Code".</summary>
    public static string Label(string? info)
    {
        if (string.IsNullOrWhiteSpace(info)) return "Code";
        var key = info.Trim().ToLowerInvariant();
        var name = Find(key)?.Name ?? Names.GetValueOrDefault(key) ?? info.Trim();
        return "Code: " + name;
    }

    private static (FrozenDictionary<string, Language>, FrozenDictionary<string, string>) Read()
    {
        var byName = new Dictionary<string, Language>(StringComparer.Ordinal);
        var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
        var grammars = new List<(string[] Aliases, string[] Extensions, Language Language)>();
        foreach (var (id, aliases, extensions, scope) in GrammarTable.Languages)
        {
            scopes[id] = scope;
            grammars.Add((aliases, extensions, new Language(id, Names.GetValueOrDefault(id) ?? aliases.FirstOrDefault() ?? id)));
        }
        // Ids first, then aliases, then extensions: a more specific name is never taken by a looser one.
        foreach (var (_, _, language) in grammars) byName.TryAdd(language.Id.ToLowerInvariant(), language);
        foreach (var (aliases, _, language) in grammars)
            foreach (var alias in aliases) byName.TryAdd(alias.ToLowerInvariant(), language);
        foreach (var (_, extensions, language) in grammars)
            foreach (var extension in extensions) byName.TryAdd(extension.TrimStart('.').ToLowerInvariant(), language);
        foreach (var (alias, id) in ExtraAliases)
            if (byName.Values.FirstOrDefault(l => l.Id == id) is { } language) byName.TryAdd(alias, language);
        return (byName.ToFrozenDictionary(StringComparer.Ordinal), scopes.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
