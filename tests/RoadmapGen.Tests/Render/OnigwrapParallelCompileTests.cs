using System.Text.Json;
using Onigwrap;
using RoadmapGen.Render.Highlighting;
using TextMateSharp.Grammars;

namespace RoadmapGen.Tests.Render;

/// <summary>
/// The fork initializes Oniguruma once, up front, and then compiles without upstream's process-wide
/// lock: threads compiling, searching and freeing regexes at the same time must get exactly what one
/// thread gets alone, for the patterns of real grammars and for invalid ones.
/// </summary>
public class OnigwrapParallelCompileTests
{
    private const string Text = "SELECT id, name FROM users WHERE id = $1; // const x = (a) => a * 2; <p class=\"x\">é 😀</p>\n";

    [Fact]
    public void Threads_compiling_searching_and_freeing_at_once_get_what_one_thread_gets()
    {
        Assert.True(SharedPatterns.CompilesInParallel, "Oniguruma was not initialized up front: compiles still take the lock");

        var patterns = RealPatterns().Concat(["(unclosed", "[z-a]", "(?<n>a)\\k<m>", "a{2,1}x(", "\\p{NoSuchProperty}"]).ToArray();
        Assert.True(patterns.Length > 1_000, $"only {patterns.Length} patterns");
        var expected = patterns.Select(Outcome).ToArray();
        Assert.Contains(expected, outcome => outcome == "invalid");

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        for (var round = 0; round < 4; round++)
        {
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                // Each thread walks the patterns from another place, so different patterns compile at once.
                for (var k = 0; k < patterns.Length; k++)
                {
                    var i = (k + t * patterns.Length / 8) % patterns.Length;
                    var actual = Outcome(patterns[i]);
                    if (actual != expected[i]) failures.Add($"{patterns[i]}: {actual}, alone {expected[i]}");
                }
            })).ToList();
            // Regexes are freed by their finalizers: collections run on while the threads compile.
            var collecting = true;
            var collector = new Thread(() => { while (Volatile.Read(ref collecting)) { GC.Collect(); Thread.Sleep(5); } });
            collector.Start();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());
            Volatile.Write(ref collecting, false);
            collector.Join();
        }

        Assert.Empty(failures);
    }

    // Compiled, searched at a few places, and let go.
    private static string Outcome(string pattern)
    {
        var regex = new ORegex(pattern, false, false);
        if (!regex.Valid) return "invalid";
        return string.Join(' ', new[] { 0, 7, 40, 80 }.Select(offset => regex.SafeSearch(Text, offset) is { } match
            ? $"{match.LocationAt(0)}+{match.LengthAt(0)}/{match.Count()}"
            : "-"));
    }

    // Every match, begin, end and while pattern of the grammars the site highlights most.
    private static IEnumerable<string> RealPatterns()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in new[] { "javascript", "typescript", "sql", "python", "php", "java", "csharp", "css", "html", "yaml" })
        {
            var scope = CodeLanguages.ScopeOf(language)!;
            var resource = GrammarTable.Grammars.Single(g => g.Scope == scope).Resource;
            using var stream = typeof(RegistryOptions).Assembly.GetManifestResourceStream(resource)!;
            Collect(JsonDocument.Parse(stream).RootElement, found);
        }
        return found.Order(StringComparer.Ordinal);
    }

    private static void Collect(JsonElement element, HashSet<string> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray()) Collect(item, found);
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && property.Name is "match" or "begin" or "end" or "while")
                found.Add(property.Value.GetString()!);
            else
                Collect(property.Value, found);
        }
    }
}
