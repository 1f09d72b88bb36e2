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
/// One per build: it remembers what it highlighted, because the whole-roadmap page shows every
/// topic's code again. Safe to call from the pages rendered in parallel: grammars are not
/// thread-safe, so each call borrows a tokenizer of its own from a pool kept for the process
/// (loading grammars is the expensive part, and <c>serve</c> rebuilds often).
/// </remarks>
public sealed class CodeHighlighter
{
    /// <summary>A line the grammar has not finished with by then is left plain from that point on.</summary>
    private static readonly TimeSpan LineTimeLimit = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentBag<Tokenizer> Pool = new();

    private readonly ConcurrentDictionary<(string Language, string Code), string?> _done = new();

    /// <returns>The highlighted, escaped lines (each ending in a newline), or null to write the code plain.</returns>
    public string? Highlight(string? info, IReadOnlyList<string> lines)
    {
        if (CodeLanguages.Find(info) is not { } language) return null;
        var code = string.Join('\n', lines);
        return _done.GetOrAdd((language.Id, code), key => Tokenize(key.Language, lines));
    }

    private static string? Tokenize(string languageId, IReadOnlyList<string> lines)
    {
        if (!Pool.TryTake(out var tokenizer)) tokenizer = new Tokenizer();
        try
        {
            var html = tokenizer.Highlight(languageId, lines);
            Pool.Add(tokenizer);
            return html;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A grammar that throws on some input (an editor would show that code plain too):
            // the block is written plain, and this tokenizer, whose state is unknown, is dropped.
            return null;
        }
    }

    /// <summary>One thread's grammars: a registry and the grammars it has loaded.</summary>
    private sealed class Tokenizer
    {
        private readonly Registry _registry = new(new RegistryOptions(ThemeName.LightPlus));
        private readonly Dictionary<string, IGrammar?> _grammars = new(StringComparer.Ordinal);

        public string? Highlight(string languageId, IReadOnlyList<string> lines)
        {
            if (!_grammars.TryGetValue(languageId, out var grammar))
                _grammars[languageId] = grammar = CodeLanguages.ScopeOf(languageId) is { } scope ? _registry.LoadGrammar(scope) : null;
            if (grammar is null) return null;

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
}
