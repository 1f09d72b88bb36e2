using System.Collections.Concurrent;
using System.Collections.Frozen;
using TextMateSharp.Grammars;
using TextMateSharp.Internal.Grammars.Reader;
using TextMateSharp.Internal.Themes.Reader;
using TextMateSharp.Internal.Types;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// The grammars of TextMateSharp.Grammars, each read from the package's files when a registry
/// first asks for it and parsed once for every registry (<see cref="GrammarJson"/>; registries
/// ask only for the grammars <see cref="LanguageGrammars"/> loads for real). The catalogue
/// comes from <see cref="GrammarTable"/>, so a build that highlights nothing new, or a few
/// languages, does not parse every package's description first. Parsed definitions are only read
/// afterwards: a loaded grammar works on its own copy.
/// </summary>
internal sealed class ParsedGrammars : IRegistryOptions
{
    public static ParsedGrammars Instance { get; } = new();

    private const string ThemeFolder = "TextMateSharp.Grammars.Resources.Themes.";

    /// <summary>Token colours are the stylesheet's (<see cref="TokenClasses"/>), but a registry needs a theme to start.</summary>
    private const string DefaultTheme = "light_plus.json";

    private static readonly FrozenDictionary<string, string> Files =
        GrammarTable.Grammars.DistinctBy(g => g.Scope).ToFrozenDictionary(g => g.Scope, g => g.Resource, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Lazy<IRawGrammar?>> _grammars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IRawTheme?>> _themes = new(StringComparer.Ordinal);

    private ParsedGrammars() { }

    public IRawGrammar GetGrammar(string scopeName) =>
        _grammars.GetOrAdd(scopeName, scope => new Lazy<IRawGrammar?>(() =>
        {
            var start = GrammarTimings.Now();
            var grammar = Read(scope);
            GrammarTimings.Add("parse", scope, start);
            return grammar;
        })).Value!;

    /// <summary>Whether the package ships a grammar for the scope (an include of any other finds nothing).</summary>
    public static bool Has(string scopeName) => Files.ContainsKey(scopeName);

    /// <summary>
    /// The grammar as <see cref="GrammarJson"/> reads it (a fraction of the library's time), or as
    /// the library reads it when that one cannot.
    /// </summary>
    internal static IRawGrammar? Read(string scopeName)
    {
        if (!Files.TryGetValue(scopeName, out var file)) return null;
        using (var stream = typeof(RegistryOptions).Assembly.GetManifestResourceStream(file))
            if (stream is not null && GrammarJson.Read(stream) is { } grammar) return grammar;
        return ReadWithLibrary(scopeName);
    }

    /// <summary>The grammar as TextMateSharp's own reader reads it.</summary>
    internal static IRawGrammar? ReadWithLibrary(string scopeName) =>
        Files.TryGetValue(scopeName, out var file) && Open(file) is { } reader ? Read(reader, GrammarReader.ReadGrammarSync) : null;

    public ICollection<string>? GetInjections(string scopeName) => null;

    public IRawTheme GetDefaultTheme() => GetTheme(DefaultTheme);

    public IRawTheme GetTheme(string scopeName) =>
        _themes.GetOrAdd(scopeName.Replace("./", ""), file => new Lazy<IRawTheme?>(() =>
            Open(ThemeFolder + file) is { } reader ? Read(reader, ThemeReader.ReadThemeSync) : null)).Value!;

    private static StreamReader? Open(string resource) =>
        typeof(RegistryOptions).Assembly.GetManifestResourceStream(resource) is { } stream ? new StreamReader(stream) : null;

    private static T Read<T>(StreamReader reader, Func<StreamReader, T> parse)
    {
        using (reader) return parse(reader);
    }
}
