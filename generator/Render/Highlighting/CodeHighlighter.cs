using System.Collections.Concurrent;
using Markdig.Syntax;
using System.Text;
using RoadmapGen.Render.Templates;
using TextMateSharp.Grammars;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// Highlights code at build time with the editors' TextMate grammars (TextMateSharp): each token
/// becomes a <c>&lt;span class="tok-…"&gt;</c> (see <see cref="TokenClasses"/>), and the
/// stylesheet colours the classes for light and dark. A language without a grammar, or no
/// language, stays plain text; highlighting never fails a build.
/// </summary>
/// <remarks>
/// Safe to call from pages rendered in parallel. Grammars are found, loaded and prepared by
/// <see cref="LanguageGrammars"/> (each language in a registry of its own, the grammars it embeds
/// only for blocks that reach them). Compiling a grammar on first use is most of the cost, so
/// <see cref="Prepare"/> highlights a site's blocks language by language on every core
/// before the pages ask for them; after that a build that will not highlight again may let the
/// grammars go (<see cref="ReleaseGrammars"/>: the build decides). Whether a block's earlier result stands (the whole-roadmap
/// page shows every topic's code again, and <c>serve</c> rebuilds often with the same code) is
/// the memo layer's decision, through <c>reuse</c>.
/// </remarks>
public sealed class CodeHighlighter(IRenderReuse reuse)
{
    /// <summary>
    /// A line the grammar has not finished with by then is left plain from that point on: only
    /// hostile input should come near it, since the result must not depend on the machine's load.
    /// </summary>
    private static readonly TimeSpan LineTimeLimit = TimeSpan.FromSeconds(5);

    private static volatile string? _unavailable;

    /// <summary>
    /// Why no code could be highlighted in this process (the grammar engine's native library did
    /// not load: a binary copied without the libonigwrap beside it); null while highlighting works.
    /// </summary>
    public static string? Unavailable => _unavailable;

    /// <summary>
    /// Highlights blocks ahead of the pages that show them: one language at a time per core, the
    /// languages with the most blocks first, so no page waits while another compiles its grammar.
    /// </summary>
    public void Prepare(IEnumerable<FencedCodeBlock> blocks)
    {
        var languages = blocks
            .Select(block => (block.Info, Language: CodeLanguages.Find(block.Info), Block: block))
            .Where(b => b.Language is not null)
            .GroupBy(b => b.Language!.Id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var cores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(Partitioner.Create(languages, EnumerablePartitionerOptions.NoBuffering), cores, language =>
        {
            foreach (var (info, _, block) in language) Highlight(info, CodeBlockRenderer.Lines(block));
        });
    }

    /// <summary>
    /// Forgets every grammar this process has loaded (a later block loads its language again), so
    /// their memory can be collected: for a build done with highlighting.
    /// </summary>
    /// <returns>How many languages had a grammar to forget.</returns>
    public static int ReleaseGrammars() => LanguageGrammars.Shared.Release();

    /// <returns>The highlighted, escaped lines (each ending in a newline), or null to write the code plain.</returns>
    public string? Highlight(string? info, IReadOnlyList<string> lines) =>
        CodeLanguages.Find(info) is { } language ? reuse.Highlight(language.Id, lines, () => Tokenize(language.Id, lines)) : null;

    private static string? Tokenize(string languageId, IReadOnlyList<string> lines)
    {
        try
        {
            var start = GrammarTimings.Now();
            var tokens = LanguageGrammars.Shared.Tokenize(languageId, lines, LineTimeLimit);
            GrammarTimings.Add("tokenize", languageId, start);
            return tokens is null ? null : Write(tokens, lines);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A grammar that throws on some input (an editor would show that code plain too).
            if (EngineMissing(e) is { } reason) _unavailable = reason;
            return null;
        }
    }

    private static string? EngineMissing(Exception e) => e switch
    {
        // The loader's message names every path it tried, one per line after the first: the first of them says enough.
        DllNotFoundException or EntryPointNotFoundException or BadImageFormatException =>
            e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [_, var first, ..] ? first : e.Message.Trim(),
        TypeInitializationException { InnerException: { } inner } => EngineMissing(inner),
        _ => null,
    };

    private static string Write(IReadOnlyList<ITokenizeLineResult> tokens, IReadOnlyList<string> lines)
    {
        var html = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var result = tokens[i];
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
