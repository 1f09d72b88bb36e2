using System.Collections.Concurrent;
using System.Text;
using RoadmapGen.Render.Templates;
using TextMateSharp.Grammars;
using TextMateSharp.Registry;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// Highlights code at build time with the editors' TextMate grammars (TextMateSharp): each token
/// becomes a <c>&lt;span class="tok-…"&gt;</c> (see <see cref="TokenClasses"/>), and the
/// stylesheet colours the classes for light and dark. A language without a grammar, or no
/// language, stays plain text; highlighting never fails a build.
/// </summary>
/// <remarks>
/// Safe to call from pages rendered in parallel. The grammars of one registry share compiled
/// rules (TextMateSharp writes rule ids into the grammar definitions as it compiles them, and
/// two registries share those definitions), so the process keeps one registry, loads each
/// grammar once, and tokenizes with one grammar on one thread at a time. Results are kept for
/// the process: the whole-roadmap page shows every topic's code again, and <c>serve</c>
/// rebuilds often with the same code.
/// </remarks>
public sealed class CodeHighlighter
{
    /// <summary>
    /// A line the grammar has not finished with by then is left plain from that point on: only
    /// hostile input should come near it, since the result must not depend on the machine's load.
    /// </summary>
    private static readonly TimeSpan LineTimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>Enough for every block of a large site; past it, the kept results start again.</summary>
    private const int KeptLimit = 50_000;

    private static readonly Lazy<Registry> SharedRegistry = new(() => new Registry(new RegistryOptions(ThemeName.LightPlus)));
    private static readonly ConcurrentDictionary<string, Lazy<IGrammar?>> Grammars = new(StringComparer.Ordinal);
    private static readonly object LoadLock = new();
    private static readonly ConcurrentDictionary<(string Language, string Code), string?> Done = new();
    private static readonly Lazy<HighlightStore?> Store = new(HighlightStore.Open);

    /// <returns>The highlighted, escaped lines (each ending in a newline), or null to write the code plain.</returns>
    public string? Highlight(string? info, IReadOnlyList<string> lines)
    {
        if (CodeLanguages.Find(info) is not { } language) return null;
        var key = (language.Id, string.Join('\n', lines));
        if (Done.TryGetValue(key, out var kept)) return kept;
        if (Done.Count > KeptLimit) Done.Clear();
        var html = Store.Value is { } store ? Kept(store, language.Id, key.Item2, lines) : Tokenize(language.Id, lines);
        Done.TryAdd(key, html);
        return html;
    }

    private static string? Kept(HighlightStore store, string languageId, string code, IReadOnlyList<string> lines)
    {
        var stored = HighlightStore.Key(languageId, code);
        if (store.TryGet(stored, out var html)) return html;
        html = Tokenize(languageId, lines);
        store.Add(stored, html);
        return html;
    }

    /// <summary>Keeps what this process highlighted for the next one (see <see cref="HighlightStore"/>).</summary>
    public static void Persist()
    {
        if (Store.IsValueCreated) Store.Value?.Save();
    }

    private static string? Tokenize(string languageId, IReadOnlyList<string> lines)
    {
        var grammar = Grammars.GetOrAdd(languageId, id => new Lazy<IGrammar?>(() =>
        {
            // The registry's own caches are not thread-safe either.
            lock (LoadLock) return CodeLanguages.ScopeOf(id) is { } scope ? SharedRegistry.Value.LoadGrammar(scope) : null;
        })).Value;
        if (grammar is null) return null;
        lock (grammar)
        {
            try
            {
                return Write(grammar, lines);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A grammar that throws on some input (an editor would show that code plain too).
                return null;
            }
        }
    }

    private static string Write(IGrammar grammar, IReadOnlyList<string> lines)
    {
        var html = new StringBuilder();
        IStateStack? state = null;
        foreach (var line in lines)
        {
            var result = grammar.TokenizeLine(line, state, LineTimeLimit);
            state = result.RuleStack;
            var written = 0;
            string? open = null;
            foreach (var token in result.Tokens)
            {
                var start = Math.Max(token.StartIndex, written);
                var end = Math.Min(token.EndIndex, line.Length);
                if (end <= start) continue;
                var cls = TokenClasses.For(token.Scopes);
                if (cls != open)
                {
                    if (open is not null) html.Append("</span>");
                    if (cls is not null) html.Append("<span class=\"").Append(cls).Append("\">");
                    open = cls;
                }
                html.Append(HtmlEscape.Text(line[start..end]));
                written = end;
            }
            if (open is not null) html.Append("</span>");
            if (written < line.Length) html.Append(HtmlEscape.Text(line[written..]));
            html.Append('\n');
        }
        return html.ToString();
    }
}
