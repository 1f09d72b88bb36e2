using System.Reflection;
using System.Text.RegularExpressions;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Tests.Golden;

/// <summary>
/// Every code a contributor can meet has a golden case under tests/golden showing the whole
/// message as printed, so a new code cannot land without one, and a changed message shows up in
/// review as a changed expected.txt.
/// </summary>
public partial class GoldenCoverageTests
{
    /// <summary>
    /// The codes no golden case can reach, each with why and the test that does provoke it (which
    /// must name the code): the list is kept short, and a code earns a place only when neither
    /// content nor a command line nor the build's fault seam can bring it about.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string Why, string Test)> Exempt = new Dictionary<string, (string, string)>
    {
        [Codes.SanitizerRemoved] = ("the second safety layer speaks only when the first has a gap, which no content can open; "
            + "the test turns the first layer off", "Render/RenderedHtmlCheckTests.cs"),
        [Codes.HighlightingUnavailable] = ("only a published binary copied without its native library meets it, and the test "
            + "process has the library loaded for good", "Native/NativeBinaryTests.cs"),
    };

    [Fact]
    public void Every_code_has_a_golden_case_or_a_short_justified_exemption()
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var expected in Directory.GetFiles(TestPaths.Golden, "expected.txt", SearchOption.AllDirectories))
            foreach (Match m in PrintedCode().Matches(File.ReadAllText(expected))) shown.Add(m.Groups[1].Value);

        var missing = AllCodes().Where(c => !shown.Contains(c.Code) && !Exempt.ContainsKey(c.Code)).Select(c => $"{c.Code} ({c.Name})");
        Assert.Empty(missing);
        // An exemption that a golden case now covers, or that names no test provoking it, is stale.
        Assert.DoesNotContain(Exempt.Keys, shown.Contains);
        Assert.InRange(Exempt.Count, 0, 2);
        foreach (var (code, (_, test)) in Exempt)
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "RoadmapGen.Tests", test));
            var name = AllCodes().Single(c => c.Code == code).Name;
            Assert.True(text.Contains(code, StringComparison.Ordinal) || text.Contains($"Codes.{name}", StringComparison.Ordinal),
                $"{test} does not provoke {code}");
        }
    }

    [Fact]
    public void Every_golden_diagnostic_names_a_file_and_says_how_to_fix_it()
    {
        foreach (var expected in Directory.GetFiles(TestPaths.Golden, "expected.txt", SearchOption.AllDirectories))
        foreach (var line in File.ReadAllLines(expected).Where(l => PrintedCode().IsMatch(l)))
        {
            // file(line,col): error RGxxxx: what … (how to fix), or file: … for a whole file or folder.
            Assert.Matches(@"^[^ :]+(\(\d+,\d+\))?: (error|warning) RG\d{4}: .+", line);
            Assert.True(line.Contains('(', StringComparison.Ordinal) && line.TrimEnd().EndsWith(')') || line.Contains("please report", StringComparison.Ordinal),
                $"{Path.GetRelativePath(TestPaths.Golden, expected)}: no hint in parentheses at the end: {line}");
        }
    }

    private static IReadOnlyList<(string Name, string Code)> AllCodes() =>
        typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)).ToList();

    [GeneratedRegex(@"(?:error|warning) (RG\d{4}):")]
    private static partial Regex PrintedCode();
}
