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
