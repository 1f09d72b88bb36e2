using System.Collections;
using System.Collections.Concurrent;
using Onigwrap;
using TextMateSharp.Internal.Grammars.Parser;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// A guess, from a block's text, at which embedded grammars its first round of tokenizing would
/// reach, so <see cref="LanguageGrammars"/> loads them for real at once instead of tokenizing the
/// block again after a stand-in wins: every round builds and compiles the language's rules anew
/// (a PHP block with SQL in a string, or a Markdown block with front matter and a paragraph, paid
/// for its grammar two to four times).
/// </summary>
/// <remarks>
/// A grammar can reach another only inside the rule that includes it, so only where that rule's
/// <c>begin</c> or <c>match</c> pattern (its opener) matches; an include outside any rule (a
/// grammar that wraps another) is reached at once. A wrong guess costs only time: loading a
/// grammar a block never enters changes no token, and one the guess missed is still found by its
/// stand-in and loaded in another round.
/// </remarks>
internal static class EmbeddedOpeners
{
    /// <param name="Openers">The patterns of the rules around the include, outermost first: each must match somewhere for the include to be reached.</param>
    /// <param name="Unknown">An include in a rule of the repository that opens with no pattern: reached from wherever that rule is included, so no guess is made.</param>
    private sealed record Include(string Scope, IReadOnlyList<ORegex> Openers, bool Unknown);

    /// <summary>Each grammar's includes of other grammars, with their openers compiled once for the process.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<List<Include>>> Includes = new(StringComparer.Ordinal);

    /// <summary>
    /// The grammars (besides <paramref name="real"/>) that the real ones include where the block's
    /// text matches the include's openers, and, in turn, those that these include.
    /// </summary>
    public static HashSet<string> Likely(string root, HashSet<string> real, IReadOnlyList<string> lines)
    {
        var likely = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(real.Prepend(root));
        string[]? text = null;
        while (pending.TryDequeue(out var scope))
            foreach (var include in Of(scope))
            {
                if (include.Unknown || include.Scope == root || real.Contains(include.Scope) || likely.Contains(include.Scope)) continue;
                text ??= lines.Select(line => string.Concat(line, "\n")).ToArray();
                if (!include.Openers.All(opener => text.Any(line => opener.SafeSearch(line) is not null))) continue;
                likely.Add(include.Scope);
                pending.Enqueue(include.Scope);
            }
        return likely;
    }

    private static List<Include> Of(string scope) =>
        Includes.GetOrAdd(scope, s => new Lazy<List<Include>>(() =>
        {
            var found = new List<Include>();
            var compiled = new Dictionary<string, ORegex?>(StringComparer.Ordinal);
            if (ParsedGrammars.Has(s) && ParsedGrammars.Instance.GetGrammar(s) is Raw grammar) Collect(grammar, [], inRepository: false, compiled, found);
            return found;
        })).Value;

    private static void Collect(object node, List<string> openers, bool inRepository, Dictionary<string, ORegex?> compiled, List<Include> found)
    {
        switch (node)
        {
            case Raw raw:
                var inner = openers;
                if ((raw.TryGetValue("begin", out var opener) || raw.TryGetValue("match", out opener)) && opener is string pattern)
                    inner = [.. openers, pattern];
                foreach (var (key, value) in raw)
                {
                    if (key == "include" && value is string include && include.Length > 0 && include[0] is not ('#' or '$'))
                    {
                        var hash = include.IndexOf('#', StringComparison.Ordinal);
                        var scope = hash < 0 ? include : include[..hash];
                        if (!ParsedGrammars.Has(scope)) continue;
                        // An opener Oniguruma refuses is left out: the guess only gets wider.
                        var regexes = openers.Select(p => Compile(p, compiled)).OfType<ORegex>().ToList();
                        found.Add(new Include(scope, regexes, Unknown: inRepository && openers.Count == 0));
                    }
                    else if (key == "repository" && value is Raw repository)
                        foreach (var rule in repository.Values) Collect(rule, [], inRepository: true, compiled, found);
                    else Collect(value, inner, inRepository, compiled, found);
                }
                break;
            case IList list:
                foreach (var item in list) Collect(item!, openers, inRepository, compiled, found);
                break;
        }
    }

    private static ORegex? Compile(string pattern, Dictionary<string, ORegex?> compiled)
    {
        if (!compiled.TryGetValue(pattern, out var regex))
        {
            regex = new ORegex(pattern, ignoreCase: false);
            compiled[pattern] = regex = regex.Valid ? regex : null;
        }
        return regex;
    }
}
