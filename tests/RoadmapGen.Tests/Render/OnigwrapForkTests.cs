using System.Reflection;
using Onigwrap;
using RoadmapGen.Render.Highlighting;
using TextMateSharp.Grammars;
using TextMateSharp.Internal.Grammars.Parser;
using TextMateSharp.Internal.Types;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace RoadmapGen.Tests.Render;

/// <summary>
/// TextMateSharp must run our fork of Onigwrap's managed assembly (generator/Vendor/Onigwrap), not
/// the package's: only the fork shares compiled patterns between scanners.
/// </summary>
public class OnigwrapForkTests
{
    [Fact]
    public void TextMateSharp_binds_to_the_fork_of_Onigwrap_under_the_name_it_was_built_against()
    {
        var expected = typeof(Registry).Assembly.GetReferencedAssemblies().Single(name => name.Name == "Onigwrap");
        var loaded = typeof(OnigScanner).Assembly;

        Assert.Equal(expected.Version, loaded.GetName().Version);
        Assert.Equal(Convert.ToHexString(expected.GetPublicKeyToken()!), Convert.ToHexString(loaded.GetName().GetPublicKeyToken()!));
        Assert.Contains(loaded.GetCustomAttributes<AssemblyMetadataAttribute>(), a => a.Key == "RoadmapGen.Fork");
    }

    [Fact]
    public void A_grammar_tokenized_through_TextMateSharp_compiles_its_patterns_in_the_fork()
    {
        // A pattern no other test uses, so it is compiled here whatever ran before.
        var word = "w" + Guid.NewGuid().ToString("N");
        var before = SharedPatterns.Compiled;

        var grammar = new Registry(new OneGrammar(word)).LoadGrammar("source.fork-test")!;
        var line = grammar.TokenizeLine($"a {word} b", null, TimeSpan.FromSeconds(30));

        Assert.True(SharedPatterns.Compiled > before, "TextMateSharp compiled no pattern through the fork");
        Assert.Contains(line.Tokens, token => token.Scopes.Contains("keyword.fork-test") && token.StartIndex == 2);
    }

    [Fact]
    public void Scanners_sharing_patterns_compile_each_once_and_find_what_scanners_of_their_own_find()
    {
        string[][] lists = [["c", "a(b)?"], ["a(b)?", "x"], ["c", "a(b)?", "\\G\\s*"]];
        (int List, string Text, int Offset)[] searches =
            [(0, "abc", 0), (1, "xxab", 0), (0, "abc", 1), (2, "  ab", 0), (1, "xxab", 2), (0, "zzz", 0), (2, "abc", 2)];
        var shared = new SharedPatterns();
        OnigScanner[] sharing;
        using (shared.Use())
            sharing = lists.Select(list => new OnigScanner(list)).ToArray();
        var own = lists.Select(list => new OnigScanner(list)).ToArray();

        Assert.Equal(4, shared.Count);
        foreach (var (list, text, offset) in searches)
            Assert.Equal(Describe(own[list].FindNextMatchSync(text, offset)), Describe(sharing[list].FindNextMatchSync(text, offset)));
    }

    [Fact]
    public void A_shared_invalid_pattern_fails_when_searched_as_it_did_unshared()
    {
        var shared = new SharedPatterns();
        OnigScanner sharing;
        using (shared.Use())
            sharing = new OnigScanner(["(unclosed"]);
        var own = new OnigScanner(["(unclosed"]);

        var expected = Assert.Throws<ArgumentException>(() => own.FindNextMatchSync("text", 0));
        var actual = Assert.Throws<ArgumentException>(() => sharing.FindNextMatchSync("text", 0));
        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void Scanners_made_after_the_scope_ends_or_after_a_clear_compile_their_own()
    {
        var shared = new SharedPatterns();
        using (shared.Use())
        {
            _ = new OnigScanner(["one"]);
            using (new SharedPatterns().Use()) _ = new OnigScanner(["two"]);
            _ = new OnigScanner(["three"]);
        }
        _ = new OnigScanner(["four"]);
        Assert.Equal(2, shared.Count);

        shared.Clear();
        Assert.Equal(0, shared.Count);
    }

    [Fact]
    public void A_scanner_searching_its_patterns_as_one_regset_finds_what_the_pattern_by_pattern_loop_finds()
    {
        // Ties between patterns, groups that take no part, \G (the search's start), anchors, lookbehind
        // across the offset, case folding, empty matches, text beyond the BMP, a line of just its newline
        // (upstream's loop cannot search an empty string: TextMateSharp never gives one).
        string[][] lists =
        [
            ["b", "a(x)?b", "ab"],
            ["\\G\\s+", "\\w+", "(?<=a)b"],
            ["^#", "$", "(?i)select|from|where", "[0-9]+(\\.[0-9]+)?"],
            ["(a)|(b)|(c)", "x*", "\\b"],
            ["(\\w)\\1", "\\G", "\\z"],
            ["\U0001F600", "\\p{L}+", "\\S"],
        ];
        string[] texts = ["ab", "  aab b", "# SELECT 1.5 from x\n", "cxb", "aa bb", "\U0001F600 émoji", "\n"];
        var searches = 0;
        foreach (var list in lists)
        {
            OnigScanner loop;
            using (RegSetSearch.Off()) loop = new OnigScanner(list);
            var regset = new OnigScanner(list);
            foreach (var text in texts)
                for (var offset = 0; offset <= text.Length; offset++, searches++)
                    // The loop is given the line as an array, as TextMateSharp gives it, so it searches every
                    // pattern anew: its last-match cache (strings only) can skip a \G pattern that failed
                    // earlier on the line and would match here, which a regset never does (the next test).
                    Assert.Equal(Describe(loop.FindNextMatchSync(text.ToCharArray().AsMemory(), offset)), Describe(regset.FindNextMatchSync(text, offset)));
        }
        Assert.True(searches > 200);
    }

    [Fact]
    public void A_G_anchored_pattern_that_failed_earlier_on_a_line_matches_where_it_can_later_on_it()
    {
        var scanner = new OnigScanner(["\\G\\s+", "\\w+"]);
        const string line = "  ab cd\n";

        Assert.Equal("1: 2-4", Describe(scanner.FindNextMatchSync(line, 2)));
        // Upstream's loop, given the same string, answered from its cache of the failed search at 2: "1: 5-7".
        Assert.Equal("0: 4-5", Describe(scanner.FindNextMatchSync(line, 4)));
    }

    [Fact]
    public void A_scanner_keeps_finding_its_matches_after_a_scanner_sharing_its_patterns_is_collected()
    {
        var shared = new SharedPatterns();
        OnigScanner kept;
        using (shared.Use())
        {
            kept = new OnigScanner(["c", "a(b)?"]);
            MakeAndDrop(["a(b)?", "c", "x"]);
        }
        shared.Clear();
        // The dropped scanner's regset is finalized; it must not have freed the regexes the kept one shares.
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Equal("1: 0-2 1-2", Describe(kept.FindNextMatchSync("abc", 0)));
        Assert.Equal("0: 2-3", Describe(kept.FindNextMatchSync("abc", 1)));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void MakeAndDrop(string[] patterns)
    {
        var scanner = new OnigScanner(patterns);
        Assert.NotNull(scanner.FindNextMatchSync("xab", 0));
    }

    private static string Describe(IOnigNextMatchResult? match) =>
        match is null ? "none" : $"{match.GetIndex()}: {string.Join(' ', match.GetCaptureIndices().Select(c => $"{c.Start}-{c.End}"))}";

    private sealed class OneGrammar(string word) : IRegistryOptions
    {
        public IRawGrammar GetGrammar(string scopeName) => new Raw
        {
            ["scopeName"] = scopeName,
            ["patterns"] = new List<object> { new Raw { ["match"] = word, ["name"] = "keyword.fork-test" } },
        };

        public ICollection<string>? GetInjections(string scopeName) => null;

        public IRawTheme GetDefaultTheme() => ParsedGrammars.Instance.GetDefaultTheme();

        public IRawTheme GetTheme(string scopeName) => ParsedGrammars.Instance.GetTheme(scopeName);
    }
}
