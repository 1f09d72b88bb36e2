using System.Collections.Concurrent;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// TextMate scopes → the few CSS classes the stylesheet colours (<c>tok-keyword</c>, …).
/// Classes, not colours: the pages' Content-Security-Policy refuses inline styles, and one class
/// takes its colour from the light or the dark palette.
/// </summary>
public static class TokenClasses
{
    /// <summary>Scope prefixes; the longest one that matches a scope decides.</summary>
    private static readonly (string Prefix, string Class)[] Rules =
    [
        ("comment", "tok-comment"),
        ("string", "tok-string"),
        ("constant.character.escape", "tok-constant"),
        ("constant.numeric", "tok-number"),
        ("constant.language", "tok-constant"),
        ("constant.other", "tok-constant"),
        ("constant.character", "tok-constant"),
        ("support.constant", "tok-constant"),
        ("keyword", "tok-keyword"),
        ("keyword.operator", "tok-operator"),
        ("storage", "tok-keyword"),
        ("storage.type", "tok-type"),
        ("storage.type.function", "tok-keyword"),
        ("storage.type.class", "tok-keyword"),
        ("entity.name.function", "tok-function"),
        ("support.function", "tok-function"),
        ("entity.name.command", "tok-function"),
        ("entity.name.type", "tok-type"),
        ("entity.name.class", "tok-type"),
        ("entity.other.inherited-class", "tok-type"),
        ("support.type", "tok-type"),
        ("support.class", "tok-type"),
        ("support.type.property-name", "tok-property"),
        ("meta.object-literal.key", "tok-property"),
        ("entity.name.tag", "tok-tag"),
        ("entity.other.attribute-name", "tok-attribute"),
        ("variable", "tok-variable"),
        ("variable.other.readwrite", ""),
        ("variable.other.object", ""),
        ("variable.other.constant", "tok-constant"),
        ("punctuation.definition.variable", "tok-variable"),
        ("markup.heading", "tok-keyword"),
        ("markup.bold", "tok-keyword"),
        ("markup.inline.raw", "tok-string"),
        ("markup.underline.link", "tok-string"),
    ];

    /// <summary>Every class a token can get, for tests and the stylesheet to agree on.</summary>
    public static IEnumerable<string> All => Rules.Select(r => r.Class).Where(c => c.Length > 0).Distinct();

    private static readonly ConcurrentDictionary<string, string?> ByScope = new(StringComparer.Ordinal);

    /// <summary>The class of a token from its scopes (outermost first): the innermost scope with a rule wins.</summary>
    public static string? For(IReadOnlyList<string> scopes)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            var found = ByScope.GetOrAdd(scopes[i], Lookup);
            if (found is not null) return found.Length == 0 ? null : found;
        }
        return null;
    }

    /// <summary>"" when a rule says "plain" (so outer scopes are not asked), null when no rule matches.</summary>
    private static string? Lookup(string scope)
    {
        string? best = null;
        var bestLength = -1;
        foreach (var (prefix, cls) in Rules)
        {
            var matches = scope.Length == prefix.Length
                ? scope == prefix
                : scope.Length > prefix.Length && scope[prefix.Length] == '.' && scope.StartsWith(prefix, StringComparison.Ordinal);
            if (matches && prefix.Length > bestLength) (best, bestLength) = (cls, prefix.Length);
        }
        return best;
    }
}
