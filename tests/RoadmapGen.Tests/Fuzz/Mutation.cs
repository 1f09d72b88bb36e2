using FsCheck;
using FsCheck.Fluent;

namespace RoadmapGen.Tests.Fuzz;

public enum MutationKind { Delete, Duplicate, Replace, Insert, Truncate }

/// <summary>
/// One edit to one content file, at a position given as a fraction of its length so the same
/// mutation applies to any file. Printed in full when a case fails, to replay it by hand.
/// </summary>
public sealed record Mutation(string File, MutationKind Kind, double At, int Length, string Payload)
{
    public string Apply(string text)
    {
        var start = Math.Min(text.Length, (int)(At * text.Length));
        var length = Math.Min(Length, text.Length - start);
        return Kind switch
        {
            MutationKind.Delete => text.Remove(start, length),
            MutationKind.Duplicate => text.Insert(start, text.Substring(start, length)),
            MutationKind.Replace => text.Remove(start, Math.Min(Payload.Length, text.Length - start)).Insert(start, Payload),
            MutationKind.Insert => text.Insert(start, Payload),
            MutationKind.Truncate => text[..start],
            _ => text,
        };
    }

    public override string ToString() =>
        $"{Kind} in {File} at {At:0.####} (length {Length}): \"{System.Text.RegularExpressions.Regex.Escape(Payload.Length > 60 ? Payload[..60] + "…" : Payload)}\"";
}

/// <summary>Random mutations biased to what breaks parsers: YAML and Markdown syntax, not just noise.</summary>
public static class MutationGen
{
    private static readonly string[] Yaml =
    [
        ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "&a [x, *a]", "!!binary ", "!!str ", "!!map ", "!custom ", "\t", "---\n", "...\n", "? ", "|\n", ">-\n",
        "'", "\"", "# ", "%YAML 1.2\n", "<<: *a\n", "~", "null", "\n", "\r\n", "\r", "\0", "\uFEFF", "\u2028", "\ud800",
        "title:\n", "title: [a, b]\n", "summary: {a: b}\n", "resources:\n", "resources: []\n", "resources: x\n", "  - title: T\n    url: https://example.com/\n    type: blog\n",
        "  - 42\n", "prerequisites: [caching, http, databases]\n", "prerequisites: [caching-and-more]\n", "prerequisites: [\"\"]\n",
        "url: javascript:alert(1)\n", "url: //example.com\n", "url: http://\n", "type: offical\n", "stages: []\n", "topics: [http, http]\n",
        "topics: [Not A Slug]\n", "id: \"\"\n", "unknown: 1\n", "title: \"unterminated\n", "a: b: c\n", "- - - x\n",
        new string('[', 300), new string('{', 300), string.Concat(Enumerable.Repeat("- ", 300)), string.Concat(Enumerable.Repeat("&a [*a, ", 50)),
        // Deep enough to overflow the stack of a recursive YAML loader.
        new string('[', 20_000), string.Concat(Enumerable.Repeat("{a: ", 5_000)),
    ];

    private static readonly string[] Markdown =
    [
        "[x](", "](", ")", "[x](http.md)", "[x](missing.md)", "[x](http.md#no-such-heading)", "[x](#)", "[x](#top)", "[x](../pages/about.md)",
        "[x](https://example.com/a b)", "[x](<>)", "[x]: <>\n", "![img](", "![img](missing.png)", "](javascript:alert(1))", "[x](JaVa\tScRiPt:alert(1))",
        "[x](data:text/html,x)", "<javascript:alert(1)>", "<https://example.com>", "www.example.com", "```", "```\n", "~~~\n", "    code\n",
        "<script>alert(1)</script>", "<script>", "</script>", "<div onclick=\"x\">", "<kbd title=x onclick=y>", "<kbd>", "</kbd>", "<!--", "-->",
        "<", ">", "&", "&#0;", "&#xD800;", "\\", "`", "*", "_", "**", "~~", "> ", "* ", "1. ", "- [ ] ", "[^1]", "[^1]: note\n", "Term\n: definition\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n", "|", "# Heading\n", "## Why backend developers need it\n", "## Key ideas\n", "### \n", "{#id}", "{onclick=x}",
        "<a name=x>", "<a href=\"javascript:x\">", "<img src=x onerror=y>", "<iframe>", "<style>", "<svg onload=x>", "<math>", "<template>",
        new string('>', 300) + " deep\n", new string('[', 300), new string('*', 300), string.Concat(Enumerable.Repeat("<kbd>", 300)),
        new string('[', 20_000), new string('*', 20_000), string.Concat(Enumerable.Repeat("[a ", 3_000)) + string.Concat(Enumerable.Repeat("](u)", 3_000)),
        string.Concat(Enumerable.Range(0, 60).Select(i => new string(' ', 2 * i) + "- item\n")),
    ];

    private static readonly Gen<string> Payload = Gen.OneOf(
        Gen.Elements(Yaml),
        Gen.Elements(Markdown),
        Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString()),
        Gen.Elements(Yaml.Concat(Markdown).ToArray()).ArrayOf().Select(parts => string.Concat(parts.Take(6))));

    /// <param name="files">Content files, relative to the content folder; the YAML files are picked more often, as they hold most structure.</param>
    public static Gen<Mutation> One(IReadOnlyList<string> files)
    {
        var yamlFiles = files.Where(f => f.EndsWith(".yml", StringComparison.Ordinal)).ToArray();
        var file = Gen.Frequency((1, Gen.Elements(yamlFiles)), (3, Gen.Elements(files.ToArray())));
        var kind = Gen.Frequency(
            (2, Gen.Constant(MutationKind.Delete)), (2, Gen.Constant(MutationKind.Duplicate)), (3, Gen.Constant(MutationKind.Replace)),
            (6, Gen.Constant(MutationKind.Insert)), (1, Gen.Constant(MutationKind.Truncate)));
        var at = Gen.Choose(0, 10_000).Select(i => i / 10_000.0);
        var length = Gen.Frequency((4, Gen.Choose(1, 20)), (1, Gen.Choose(20, 2000)));
        return from f in file
               from k in kind
               from a in at
               from l in length
               from p in Payload
               select new Mutation(f, k, a, l, p);
    }

    /// <summary>One to three mutations, possibly of different files.</summary>
    public static Gen<Mutation[]> Case(IReadOnlyList<string> files) =>
        from count in Gen.Frequency((5, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Constant(3)))
        from mutations in One(files).ArrayOf(count)
        select mutations;
}
