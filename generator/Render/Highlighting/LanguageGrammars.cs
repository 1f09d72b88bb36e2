using System.Collections;
using System.Collections.Concurrent;
using Onigwrap;
using TextMateSharp.Grammars;
using TextMateSharp.Internal.Grammars.Parser;
using TextMateSharp.Internal.Types;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// Each language's grammar, with the grammars it embeds loaded only once a block reaches them.
/// </summary>
/// <remarks>
/// <para>
/// TextMateSharp builds every rule a grammar can reach when it first tokenizes: Markdown's grammar
/// includes fifty languages for its fenced blocks, Ruby's a dozen for its heredocs, PHP's HTML and
/// with it JavaScript and CSS; each of them is read, copied into the grammar and turned into rules,
/// although few blocks embed anything. So a language starts with a <em>lean</em> grammar: its
/// own, in which each grammar it embeds (that the package ships) is a stand-in holding one rule,
/// <see cref="Probe"/>, that matches wherever the scanner looks and opens a scope that never
/// closes.
/// </para>
/// <para>
/// Why that is exact: at any position the scanner takes the earliest match among the current
/// rule's patterns, the first listed winning a tie. Where an embedded grammar's patterns are
/// candidates, the stand-in is in their place and matches at the very position scanned, so it
/// wins unless a pattern listed before it matches there too; that pattern would also win over the
/// real embedded patterns, which can match no earlier. So while no stand-in wins, the lean
/// grammar makes the same choices, tokens and states as the whole one. When one wins, every token
/// after it carries its scope (<see cref="ProbeScope"/> and the grammar's); the grammars it stood
/// for are then loaded for real (with stand-ins for what they embed in turn), the block is
/// tokenized again, and the language keeps them for its next blocks. Since each round builds
/// and compiles the grammar anew, the grammars a block's text suggests it reaches are loaded for
/// real before the first (<see cref="EmbeddedOpeners"/>).
/// </para>
/// <para>
/// Each language's scanners share their compiled patterns (<see cref="SharedPatterns"/>, our fork
/// of Onigwrap): a grammar's rules list the same patterns many times over, and each round's
/// grammar lists its predecessor's again. Per language, because its blocks are tokenized one at
/// a time (the lock below), so no two threads ever wait on one compiled pattern's search lock.
/// </para>
/// </remarks>
/// <param name="guessEmbedded">Whether to load the grammars a block seems to reach before its first round (off only in tests of the stand-ins).</param>
internal sealed class LanguageGrammars(bool guessEmbedded = true)
{
    /// <summary>The process's grammars, shared by every build it runs.</summary>
    public static LanguageGrammars Shared { get; } = new();

    /// <summary>A stand-in's scope: this, then the scope of the grammar it stands for.</summary>
    public const string ProbeScope = "roadmapgen.embedded.";

    private sealed class Language(string id, string scope)
    {
        public string Id { get; } = id;
        public string Scope { get; } = scope;

        /// <summary>Embedded grammars some block reached: loaded for real from then on.</summary>
        public HashSet<string> Reached { get; } = new(StringComparer.Ordinal);

        /// <summary>Compiled patterns, shared by every scanner of every round's grammar.</summary>
        public SharedPatterns Patterns { get; } = new();

        public IGrammar? Grammar;
        public bool Loaded;
        public bool Whole;
    }

    private readonly ConcurrentDictionary<string, Language> _languages = new(StringComparer.Ordinal);
    private int _loads;

    /// <summary>Grammars built so far, each load of a language counted: what serve's rebuilds, keeping theirs, do not add to.</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>Distinct compiled patterns the languages hold.</summary>
    public int PatternsHeld => _languages.Values.Sum(language => language.Patterns.Count);

    /// <summary>Forgets every language's grammar and compiled patterns (a block of that language loads and compiles them again).</summary>
    /// <returns>How many languages had a grammar to forget.</returns>
    public int Release()
    {
        var released = 0;
        foreach (var id in _languages.Keys)
        {
            if (!_languages.TryRemove(id, out var language)) continue;
            // Their native memory goes at the next collection even if a grammar lingers somewhere.
            language.Patterns.Clear();
            released++;
        }
        return released;
    }

    /// <returns>Each line's tokens, tokenized from the previous line's state, or null when the language has no grammar.</returns>
    public IReadOnlyList<ITokenizeLineResult>? Tokenize(string languageId, IReadOnlyList<string> lines, TimeSpan lineTimeLimit)
    {
        if (CodeLanguages.ScopeOf(languageId) is not { } scope) return null;
        var language = _languages.GetOrAdd(languageId, id => new Language(id, scope));
        // A grammar keeps the rules it has compiled so far, and compiling is not thread-safe.
        lock (language)
        {
            // TextMateSharp compiles a rule's patterns when a line first reaches it, inside TokenizeLine.
            using var shared = language.Patterns.Use();
            if (guessEmbedded && !language.Whole) Guess(language, lines);
            while (true)
            {
                if (!language.Loaded) Load(language);
                if (language.Grammar is not { } grammar) return null;
                var results = Run(grammar, lines, lineTimeLimit);
                if (language.Whole) return results;
                var reached = Reached(results);
                if (reached.Count == 0) return results;
                // Each round loads at least one more grammar for real, so this ends, at the latest with the whole grammar.
                language.Reached.UnionWith(reached);
                language.Loaded = false;
            }
        }
    }

    /// <summary>Loads for real, before the first round, the embedded grammars the block's text suggests it reaches (<see cref="EmbeddedOpeners"/>).</summary>
    private static void Guess(Language language, IReadOnlyList<string> lines)
    {
        var start = GrammarTimings.Now();
        var likely = EmbeddedOpeners.Likely(language.Scope, language.Reached, lines);
        GrammarTimings.Add("guess", language.Id, start);
        if (likely.Count == 0) return;
        language.Reached.UnionWith(likely);
        language.Loaded = false;
    }

    /// <remarks>
    /// Each line is given with the newline the tokenizer appends anyway, as a string: Onigwrap
    /// remembers each pattern's last match on a line only when the line is a string, and
    /// TextMateSharp copies a line without its newline into a fresh array, so every scan of it
    /// searched every pattern again (SQL and Python spent most of their time there). The text
    /// scanned is the same, so are the tokens (LanguageGrammarsTests compares every real block
    /// with the library tokenizing the bare line).
    /// </remarks>
    private static List<ITokenizeLineResult> Run(IGrammar grammar, IReadOnlyList<string> lines, TimeSpan lineTimeLimit)
    {
        var results = new List<ITokenizeLineResult>(lines.Count);
        IStateStack? state = null;
        foreach (var line in lines)
        {
            var result = grammar.TokenizeLine(string.Concat(line, "\n"), state, lineTimeLimit);
            state = result.RuleStack;
            results.Add(result);
        }
        return results;
    }

    private static HashSet<string> Reached(List<ITokenizeLineResult> lines)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
            foreach (var token in line.Tokens)
                foreach (var scope in token.Scopes)
                    if (scope.StartsWith(ProbeScope, StringComparison.Ordinal)) reached.Add(scope[ProbeScope.Length..]);
        return reached;
    }

    /// <summary>Each language loads into a registry of its own: a registry's caches are not thread-safe.</summary>
    private void Load(Language language)
    {
        Interlocked.Increment(ref _loads);
        var start = GrammarTimings.Now();
        var lean = LeanOptions.For(language.Scope, language.Reached);
        language.Whole = lean is null;
        language.Grammar = new Registry(lean ?? (IRegistryOptions)ParsedGrammars.Instance).LoadGrammar(language.Scope);
        language.Loaded = true;
        GrammarTimings.Add("load", language.Whole ? language.Id : $"{language.Id} (+{string.Join(" ", language.Reached.Order(StringComparer.Ordinal))})", start);
    }

    /// <summary>A rule that matches wherever the scanner looks (a character, or the end) and never ends.</summary>
    private static Raw Probe(string scope) => new()
    {
        ["begin"] = @"[\s\S]|$",
        ["end"] = "(?!x)x",
        ["name"] = ProbeScope + scope,
    };

    /// <summary>
    /// The language's own grammar and the embedded ones reached so far, and a stand-in for every
    /// other grammar they include that the package ships.
    /// </summary>
    private sealed class LeanOptions(HashSet<string> real, Dictionary<string, Raw> standIns) : IRegistryOptions
    {
        /// <returns>Null when nothing is left to stand in for: the lean grammar would be the whole one.</returns>
        public static LeanOptions? For(string root, HashSet<string> reached)
        {
            var real = new HashSet<string>(reached, StringComparer.Ordinal) { root };
            var includes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var scope in real)
                if (ParsedGrammars.Instance.GetGrammar(scope) is Raw grammar) Includes(grammar, includes);
            var standIns = new Dictionary<string, Raw>(StringComparer.Ordinal);
            foreach (var (scope, rules) in includes)
            {
                if (real.Contains(scope) || !ParsedGrammars.Has(scope)) continue;
                // "scope#rule" reaches into the embedded grammar's repository: the stand-in has the
                // rules the real one has, so an include of a rule it lacks is dropped as before.
                var repository = new Raw();
                if (rules.Count > 0 && ParsedGrammars.Instance.GetGrammar(scope)?.GetRepository() is Raw repositoryOfReal)
                    foreach (var rule in rules)
                        if (repositoryOfReal.ContainsKey(rule)) repository[rule] = Probe(scope);
                standIns[scope] = new Raw
                {
                    ["scopeName"] = scope,
                    ["patterns"] = new List<object> { Probe(scope) },
                    ["repository"] = repository,
                };
            }
            return standIns.Count == 0 ? null : new LeanOptions(real, standIns);
        }

        /// <summary>Every "include" of another grammar, anywhere in this one: scope → the rules named after '#'.</summary>
        private static void Includes(object node, Dictionary<string, HashSet<string>> found)
        {
            switch (node)
            {
                case Raw raw:
                    foreach (var (key, value) in raw)
                    {
                        if (key == "include" && value is string include && include.Length > 0 && include[0] is not ('#' or '$'))
                        {
                            var hash = include.IndexOf('#', StringComparison.Ordinal);
                            var scope = hash < 0 ? include : include[..hash];
                            if (!found.TryGetValue(scope, out var rules)) found[scope] = rules = new HashSet<string>(StringComparer.Ordinal);
                            if (hash >= 0) rules.Add(include[(hash + 1)..]);
                        }
                        else Includes(value, found);
                    }
                    break;
                case IList list:
                    foreach (var item in list) Includes(item!, found);
                    break;
            }
        }

        public IRawGrammar? GetGrammar(string scopeName) =>
            real.Contains(scopeName) ? ParsedGrammars.Instance.GetGrammar(scopeName) : standIns.GetValueOrDefault(scopeName);

        public ICollection<string>? GetInjections(string scopeName) => null;

        public IRawTheme GetDefaultTheme() => ParsedGrammars.Instance.GetDefaultTheme();

        public IRawTheme GetTheme(string scopeName) => ParsedGrammars.Instance.GetTheme(scopeName);
    }
}
