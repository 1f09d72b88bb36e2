using System.Collections.Concurrent;
using TextMateSharp.Internal.Types;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// The grammars' catalogue with each grammar's JSON parsed once for every registry, on whichever
/// thread asks first (the shell grammar alone takes ~160 ms to parse, and Markdown's registry
/// loads the grammars of every language it embeds). Parsed definitions are only read afterwards:
/// a loaded grammar works on its own copy.
/// </summary>
internal sealed class ParsedGrammars(IRegistryOptions catalogue) : IRegistryOptions
{
    private readonly ConcurrentDictionary<string, Lazy<IRawGrammar?>> _parsed = new(StringComparer.Ordinal);

    public IRawGrammar GetGrammar(string scopeName) =>
        _parsed.GetOrAdd(scopeName, scope => new Lazy<IRawGrammar?>(() => catalogue.GetGrammar(scope))).Value!;

    public ICollection<string> GetInjections(string scopeName) => catalogue.GetInjections(scopeName);

    public IRawTheme GetDefaultTheme() => catalogue.GetDefaultTheme();

    public IRawTheme GetTheme(string scopeName) => catalogue.GetTheme(scopeName);
}
