using System.Reflection;
using System.Text;
using RoadmapGen.Render.Highlighting;
using TextMateSharp.Grammars;

namespace RoadmapGen.Tests.Render;

/// <summary>
/// The grammars' catalogue is read ahead of time: TextMateSharp.Grammars parses every grammar's
/// package.json, language configuration and snippets when it starts (about 50 ms of every build),
/// and RoadmapGen needs only the names, scopes and files. This test reads the catalogue as the
/// library does and fails when the table no longer matches it (after a package update):
/// ROADMAPGEN_UPDATE_GOLDEN=1 rewrites the table.
/// </summary>
public class GrammarTableTests
{
    private static string TablePath => Path.Combine(TestPaths.RepoRoot, "generator", "Render", "Highlighting", "GrammarTable.cs");

    [Fact]
    public void The_grammar_table_matches_the_catalogue_of_the_grammars_package()
    {
        var expected = TableSource(new RegistryOptions(ThemeName.LightPlus));
        if (Environment.GetEnvironmentVariable("ROADMAPGEN_UPDATE_GOLDEN") == "1") File.WriteAllText(TablePath, expected);

        Assert.Equal(expected, File.ReadAllText(TablePath));
    }

    [Fact]
    public void Every_grammar_in_the_table_loads_from_the_package()
    {
        foreach (var (scope, _) in GrammarTable.Grammars)
            Assert.True(ParsedGrammars.Instance.GetGrammar(scope) is not null, $"the grammar of {scope} did not load");
        Assert.NotNull(ParsedGrammars.Instance.GetDefaultTheme());
    }

    private static string TableSource(RegistryOptions options)
    {
        var resources = typeof(RegistryOptions).Assembly.GetManifestResourceNames();
        var source = new StringBuilder();
        source.Append("""
            // Generated from TextMateSharp.Grammars' catalogue by GrammarTableTests; ROADMAPGEN_UPDATE_GOLDEN=1 dotnet test rewrites it.
            namespace RoadmapGen.Render.Highlighting;

            /// <summary>The grammars' catalogue, read ahead of time (see GrammarTableTests): languages in the library's order, and each grammar's file.</summary>
            internal static class GrammarTable
            {
                public static readonly (string Id, string[] Aliases, string[] Extensions, string Scope)[] Languages =
                [

            """);
        foreach (var language in options.GetAvailableLanguages())
        {
            if (options.GetScopeByLanguageId(language.Id) is not { } scope) continue;
            source.Append("        (").Append(Quote(language.Id)).Append(", ").Append(List(language.Aliases)).Append(", ")
                .Append(List(language.Extensions)).Append(", ").Append(Quote(scope)).Append("),\n");
        }
        source.Append("""
                ];

                public static readonly (string Scope, string Resource)[] Grammars =
                [

            """);
        // The package each grammar came from names its folder of resources, as the library's own lookup does it.
        var packages = (Dictionary<string, GrammarDefinition>)typeof(RegistryOptions)
            .GetField("_availableGrammars", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(options)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (package, definition) in packages)
        {
            foreach (var grammar in definition.Contributes.Grammars)
            {
                if (!seen.Add(grammar.ScopeName)) continue;
                var resource = "TextMateSharp.Grammars.Resources.Grammars." + package.ToLowerInvariant() + "."
                    + (grammar.Path.StartsWith("./", StringComparison.Ordinal) ? grammar.Path[2..] : grammar.Path).Replace('/', '.');
                // A few packages name a grammar file they do not ship; the library finds nothing for it either.
                if (!resources.Contains(resource)) continue;
                source.Append("        (").Append(Quote(grammar.ScopeName)).Append(", ").Append(Quote(resource)).Append("),\n");
            }
        }
        source.Append("    ];\n}\n");
        return source.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string List(IEnumerable<string>? items) => "[" + string.Join(", ", (items ?? []).Select(Quote)) + "]";
}
