using System.Reflection;
using System.Text.RegularExpressions;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Tests.Diagnostics;

/// <summary>One code per meaning: a contributor looks a code up in the README and finds one answer.</summary>
public partial class CodesTests
{
    private static IReadOnlyList<(string Name, string Code)> AllCodes() =>
        typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)).ToList();

    [Fact]
    public void Every_code_has_one_meaning()
    {
        var shared = AllCodes().GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}");
        Assert.Empty(shared);
        Assert.All(AllCodes(), c => Assert.Matches(@"^RG0[1-49]\d\d$", c.Code));
    }

    [Fact]
    public void Every_code_has_a_row_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var documented = new HashSet<int>();
        foreach (Match row in TableRow().Matches(readme))
        {
            var first = int.Parse(row.Groups[1].Value);
            var last = row.Groups[2].Success ? int.Parse(row.Groups[2].Value) : first;
            for (var n = first; n <= last; n++) documented.Add(n);
        }
        var codes = AllCodes().Select(c => int.Parse(c.Code[2..])).ToHashSet();
        Assert.Empty(AllCodes().Where(c => !documented.Contains(int.Parse(c.Code[2..]))).Select(c => $"{c.Code} ({c.Name})"));
        // A row for a code that no longer exists would send a reader to a meaning the build never reports.
        Assert.Empty(documented.Where(n => !codes.Contains(n)).Select(n => $"RG{n:0000}"));
    }

    [GeneratedRegex(@"^\| RG(\d{4})(?:–RG(\d{4}))? \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
