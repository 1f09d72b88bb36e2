using System.Collections;
using Markdig;
using Markdig.Syntax;
using Onigwrap;
using RoadmapGen.Render.Highlighting;
using TextMateSharp.Grammars;
using TextMateSharp.Internal.Grammars.Parser;
using TextMateSharp.Registry;

namespace RoadmapGen.Tests.Render;

/// <summary>
/// Grammars are loaded lean (embedded languages only once a block reaches them), read with a
/// faster JSON reader, and their scanners share compiled patterns: none of that may change a single
/// token of any block. The tokens expected come from the library alone: the whole grammar, each
/// scanner compiling its own patterns and searching them one by one, each line without its newline.
/// </summary>
public class LanguageGrammarsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public void Every_code_block_of_the_real_site_gets_the_tokens_of_the_whole_grammar()
    {
        var blocks = Directory.EnumerateFiles(TestPaths.Content, "*.md", SearchOption.AllDirectories)
            .SelectMany(file => Markdown.Parse(File.ReadAllText(file)).Descendants<FencedCodeBlock>())
            .Select(block => (Language: CodeLanguages.Find(block.Info), Lines: (IReadOnlyList<string>)CodeBlockRenderer.Lines(block)))
            .Where(block => block.Language is not null)
            .ToList();
        Assert.True(blocks.Count > 100, $"only {blocks.Count} highlighted blocks found in the content");

        var lean = new LanguageGrammars();
        foreach (var (language, lines) in blocks)
            AssertSameTokens(language!.Id, lines, lean);
        // The blocks' scanners did share patterns: far fewer are held than the grammars list.
        Assert.InRange(lean.PatternsHeld, 100, 5_000);
    }

    [Theory]
    [InlineData("markdown", "Some *text* and <b>HTML</b>.\n\n```js\nconst answer = 42; // the answer\n```\n\n```sql\nSELECT id FROM users;\n```", ".js", true)]
    [InlineData("html", "<p>Hi</p>\n<style>\n  p { color: red; }\n</style>\n<script>\n  const x = \"y\";\n</script>", ".js", true)]
    [InlineData("php", "<?php\n$query = \"SELECT id FROM users WHERE name = 'x'\";\nfunction greet($name) { return \"Hi $name\"; }", ".sql", true)]
    [InlineData("ruby", "sql = <<~SQL\n  SELECT * FROM users WHERE id = 1\nSQL\nputs sql", ".sql", true)]
    [InlineData("markdown", "Some *text* and <b>HTML</b>.\n\n```js\nconst answer = 42; // the answer\n```\n\n```sql\nSELECT id FROM users;\n```", ".js", false)]
    [InlineData("html", "<p>Hi</p>\n<style>\n  p { color: red; }\n</style>\n<script>\n  const x = \"y\";\n</script>", ".js", false)]
    [InlineData("php", "<?php\n$query = \"SELECT id FROM users WHERE name = 'x'\";\nfunction greet($name) { return \"Hi $name\"; }", ".sql", false)]
    [InlineData("ruby", "sql = <<~SQL\n  SELECT * FROM users WHERE id = 1\nSQL\nputs sql", ".sql", false)]
    public void A_block_that_embeds_another_language_gets_it_highlighted_exactly_as_before(string language, string code, string embedded, bool guessEmbedded)
    {
        var lines = code.Split('\n');
        // Without the guess, only the stand-ins find the embedded language; with it, the guess does (or, missing, the stand-ins).
        var lean = new LanguageGrammars(guessEmbedded);
        // A block of the same language that embeds nothing comes first, so the lean grammar is the one in use.
        AssertSameTokens(language, ["plain"], lean);

        var tokens = AssertSameTokens(language, lines, lean);

        // The embedded language's own scopes ("storage.type.js", "keyword.other.DML.sql") are there.
        Assert.Contains(tokens.SelectMany(line => line.Tokens), token => token.Scopes[^1].EndsWith(embedded, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("php", "<?php\n$stmt = $pdo->prepare('SELECT id FROM products WHERE price < :max');", "source.sql")]
    [InlineData("markdown", "---\ntitle: Caching\n---\n\nA short introduction.", "source.yaml text.html.basic text.html.derivative")]
    // Markdown's paragraph and inline rules open on nearly any line, so its HTML is guessed for nearly any block (it is loaded for most anyway).
    [InlineData("markdown", "```python\nprint(1)\n```", "source.python text.html.basic text.html.derivative")]
    [InlineData("php", "<?php\necho json_encode($rows);", "")]
    [InlineData("markdown", "# A title", "text.html.basic text.html.derivative")]
    public void The_grammars_a_block_reaches_are_guessed_from_its_text_before_it_is_tokenized(string language, string code, string expected)
    {
        var likely = EmbeddedOpeners.Likely(CodeLanguages.ScopeOf(language)!, [], code.Split('\n'));

        Assert.Equal(expected, string.Join(' ', likely.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_grammar_reads_the_same_with_the_fast_reader_as_with_the_library()
    {
        var fast = 0;
        foreach (var (scope, resource) in GrammarTable.Grammars)
        {
            var expected = ParsedGrammars.ReadWithLibrary(scope);
            using var stream = typeof(RegistryOptions).Assembly.GetManifestResourceStream(resource)!;
            if (GrammarJson.Read(stream) is not { } actual) continue;
            fast++;
            AssertSameTree(expected, actual, scope);
        }
        // A grammar the fast reader declines (a key given twice) is read by the library instead; nearly all are read fast.
        Assert.True(fast >= GrammarTable.Grammars.Length - 5, $"only {fast} of {GrammarTable.Grammars.Length} grammars read fast");
    }

    [Fact]
    public void A_language_whose_grammar_was_freed_highlights_its_next_block_exactly_as_before()
    {
        string[] lines = ["def greet(name):", "    return f\"Hi {name}\"  # a comment", "print(greet('x'))"];
        var grammars = new LanguageGrammars();
        var before = grammars.Tokenize("python", lines, Limit)!.Select(Describe).ToList();
        var compiled = grammars.PatternsHeld;

        // As a build frees them: forgotten, collected, their patterns finalized, the native heap trimmed.
        var released = 0;
        BuildMemory.FreeGrammars(() => released = grammars.Release());

        Assert.Equal(1, released);
        Assert.Equal(0, grammars.PatternsHeld);
        Assert.Equal(0, grammars.Release());
        Assert.Equal(before, grammars.Tokenize("python", lines, Limit)!.Select(Describe).ToList());
        // Its patterns were compiled again, as many as the first time.
        Assert.True(compiled > 0);
        Assert.Equal(compiled, grammars.PatternsHeld);
        Assert.Equal(1, grammars.Release());
    }

    private static IReadOnlyList<ITokenizeLineResult> AssertSameTokens(string languageId, IReadOnlyList<string> lines, LanguageGrammars lean)
    {
        var actual = lean.Tokenize(languageId, lines, Limit)!;
        var whole = new Registry(ParsedGrammars.Instance).LoadGrammar(CodeLanguages.ScopeOf(languageId)!);
        IStateStack? state = null;
        for (var i = 0; i < lines.Count; i++)
        {
            ITokenizeLineResult expected;
            // The library's own search, pattern by pattern (the fork searches a scanner's patterns as one regset).
            using (RegSetSearch.Off())
                expected = whole.TokenizeLine(lines[i], state, Limit);
            state = expected.RuleStack;
            Assert.Equal(Describe(expected), Describe(actual[i]));
        }
        return actual;
    }

    private static string Describe(ITokenizeLineResult line) =>
        string.Join(" | ", line.Tokens.Select(t => $"{t.StartIndex}-{t.EndIndex} {string.Join(' ', t.Scopes)}"));

    private static void AssertSameTree(object? expected, object? actual, string path)
    {
        switch (expected)
        {
            case Raw raw:
                var other = Assert.IsType<Raw>(actual);
                Assert.True(raw.Keys.SequenceEqual(other.Keys), $"{path}: keys differ");
                foreach (var key in raw.Keys) AssertSameTree(raw[key], other[key], path + "/" + key);
                break;
            case IList list:
                var otherList = Assert.IsAssignableFrom<IList>(actual);
                Assert.True(list.Count == otherList.Count, $"{path}: {list.Count} items, read {otherList.Count}");
                for (var i = 0; i < list.Count; i++) AssertSameTree(list[i], otherList[i], $"{path}[{i}]");
                break;
            default:
                Assert.True(Equals(expected, actual), $"{path}: '{expected}', read '{actual}'");
                break;
        }
    }
}
