using RoadmapGen.Core;
using RoadmapGen.Check;
using RoadmapGen.Diagnostics;
using RoadmapGen.Memo;
using RoadmapGen.Render;
using static RoadmapGen.Tests.Check.CheckedPages;

namespace RoadmapGen.Tests.Memo;

/// <summary>
/// serve stops a check when a newer save comes: the verdicts kept from the last whole check must
/// still be judged against the site that check saw, or a link broken meanwhile is never reported.
/// </summary>
public class CheckMemoTests
{
    private static IReadOnlyList<Diagnostic> Check(ICheckReuse memo, IReadOnlyList<OutputFile> files, CancellationToken cancel = default)
    {
        var diagnostics = new DiagnosticBag();
        new LinkChecker(new Routes("/"), null, f => f.Path, memo).Check(files, diagnostics, cancel);
        return diagnostics.Sorted();
    }

    private static CheckMemo Serves() => new(parses: true, verdicts: true, store: () => null);

    /// <summary>Checks <paramref name="files"/> with <paramref name="memo"/>, stopped as soon as the check has begun.</summary>
    private static void StoppedCheck(CheckMemo memo, IReadOnlyList<OutputFile> files)
    {
        using var stop = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => Check(new StoppedAfterBegin(memo, stop), files, stop.Token));
    }

    [Fact]
    public void A_page_deleted_during_a_stopped_check_is_a_broken_link_in_the_next_check()
    {
        var memo = Serves();
        var home = Page("index.html", """<a href="/a/">a</a>""");
        Assert.Empty(Check(memo, [home, Page("a/index.html", "<p>A</p>")]));

        StoppedCheck(memo, [home]);

        Assert.Equal(Codes.BrokenLink, Assert.Single(Check(memo, [home])).Code);
    }

    [Fact]
    public void A_heading_id_removed_during_a_stopped_check_is_a_broken_fragment_in_the_next_check()
    {
        var memo = Serves();
        var home = Page("index.html", """<a href="/a/#setup">a</a>""");
        Assert.Empty(Check(memo, [home, Page("a/index.html", """<h2 id="setup">Setup</h2>""")]));
        var renamed = Page("a/index.html", """<h2 id="installing">Installing</h2>""");

        StoppedCheck(memo, [home, renamed]);

        Assert.Equal(Codes.BrokenFragment, Assert.Single(Check(memo, [home, renamed])).Code);
    }

    [Fact]
    public void A_check_that_ends_keeps_its_verdicts_for_the_next()
    {
        var memo = Serves();
        var files = new[] { Page("index.html", """<a href="/a/">a</a>"""), Page("a/index.html", "<p>A</p>") };
        Assert.Empty(Check(memo, files));
        StoppedCheck(memo, files);

        Assert.Empty(Check(memo, files));
        // Nothing changed since the last whole check: no page is checked again.
        Assert.Equal(0, memo.PagesChecked);
    }

    /// <summary>The memo, with the check stopped (as a newer save does) right after it began.</summary>
    private sealed class StoppedAfterBegin(CheckMemo memo, CancellationTokenSource stop) : ICheckReuse
    {
        public PageLinks Links(OutputFile page, Func<PageLinks> parse) => memo.Links(page, parse);

        public void Begin(IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, PageLinks> parsed)
        {
            memo.Begin(files, parsed);
            stop.Cancel();
        }

        public int? Verdict(OutputFile page) => ((ICheckReuse)memo).Verdict(page);

        public CheckLookups? Lookups() => memo.Lookups();

        public void Checked(OutputFile page, int links, CheckLookups? lookups, bool clean) => memo.Checked(page, links, lookups, clean);

        public void End() => memo.End();
    }
}
