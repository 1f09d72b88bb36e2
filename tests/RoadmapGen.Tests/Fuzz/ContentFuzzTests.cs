using System.Diagnostics;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace RoadmapGen.Tests.Fuzz;

/// <summary>
/// Property tests on randomly damaged real content: whatever a contributor's edit does to a
/// file, the build answers with diagnostics, never an exception or a hang. 200 cases by
/// default; set ROADMAPGEN_FUZZ_CASES for a long run (e.g. 20000).
/// </summary>
public class ContentFuzzTests(FuzzWorkspace workspace, ITestOutputHelper output) : IClassFixture<FuzzWorkspace>
{
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("ROADMAPGEN_FUZZ_CASES"), out var n) && n > 0 ? n : 200;

    private Config Config => Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true);

    private void Check(Func<Mutation[], bool> property)
    {
        var clock = Stopwatch.StartNew();
        Prop.ForAll(MutationGen.Case(workspace.Files).ToArbitrary(), property).Check(Config);
        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void Damaged_content_never_crashes_or_hangs_the_build()
    {
        var outcomes = new Dictionary<string, int>();
        Check(mutations =>
        {
            var result = workspace.Build(mutations);
            var key = result.Succeeded ? "built" : "diagnosed";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            return true;
        });
        output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}")));
    }

    /// <summary>serve's path (cached loads, the last good site kept) under the same damage: never an internal error, always back once fixed.</summary>
    [Fact]
    public void Damaged_content_never_breaks_the_preview_and_the_fix_is_served()
    {
        using var events = new RoadmapGen.Serve.EventHub(TimeSpan.FromMinutes(1));
        var site = new RoadmapGen.Serve.LiveSite(new BuildOptions(workspace.Content, TestPaths.Templates), TextWriter.Null, events);
        Assert.True(site.Rebuild(RoadmapGen.Serve.ChangeSet.All).Succeeded);
        var cases = Math.Min(Cases, 40);
        Prop.ForAll(MutationGen.Case(workspace.Files).ToArbitrary(), mutations =>
        {
            RoadmapGen.Serve.RebuildReport Changed(IReadOnlyList<string> paths) =>
                site.Rebuild(new RoadmapGen.Serve.ChangeSet(paths.ToHashSet(), false, false));
            var (damaged, paths) = workspace.With(mutations, paths => (Changed(paths), paths));
            var fixedAgain = Changed(paths);
            if (damaged.Diagnostics.Any(d => d.Code == RoadmapGen.Diagnostics.Codes.InternalError) || !fixedAgain.Succeeded || site.Current is null)
                throw new Xunit.Sdk.XunitException($"serve broke: {string.Join("\n", damaged.Diagnostics.Concat(fixedAgain.Diagnostics))}\nfor: {FuzzWorkspace.Describe(mutations)}");
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true));
    }

    /// <summary>"(…)" after the problem: what to do about it, the convention every diagnostic follows.</summary>
    private static readonly Regex FixHint = new(@"\(\s*\S[^)]*\)", RegexOptions.Compiled);

    [Fact]
    public void Every_error_from_damaged_content_names_a_file_and_says_how_to_fix_it()
    {
        Check(mutations =>
        {
            var bad = workspace.Build(mutations).Diagnostics.Sorted()
                .Where(d => d.IsError && (string.IsNullOrWhiteSpace(d.File) || !FixHint.IsMatch(d.Message)))
                .ToList();
            if (bad.Count == 0) return true;
            throw new Xunit.Sdk.XunitException($"{string.Join("\n", bad)}\nfor: {FuzzWorkspace.Describe(mutations)}");
        });
    }
}
