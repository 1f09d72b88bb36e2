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
