using Markdig;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Memo;
using RoadmapGen.Render;

namespace RoadmapGen.Tests.Memo;

/// <summary>
/// The safety net's verdicts kept for the next build: HTML that passed untouched passes again
/// without being read, HTML with a problem is reported in every build, and a lost or broken store only costs time.
/// </summary>
public sealed class GuardStoreTests : IDisposable
{
    private const string File = "content/roadmaps/backend/topics/x.md";

    private readonly TempDirs _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A body as Load would give it, without Load's own checks (so the safety net is all that stands).</summary>
    private static MarkdownBody Body(string markdown, bool rawHtml) => new()
    {
        Document = Markdown.Parse(markdown, MarkdownParser.Pipeline), LineOffset = 5,
        ContentLinks = [], Headings = [], PlainText = "", RawHtml = rawHtml ? FileSpan.At(1, 1) : null, SourceHash = "test",
    };

    /// <summary>One build's render of a body: a memo of its own, saved at the run's end as a build saves it.</summary>
    private static (string Html, IReadOnlyList<Diagnostic> Diagnostics, bool WasKept) Build(string store, string markdown, bool rawHtml = false, string site = "one-site")
    {
        var memo = new RenderMemo(betweenRuns: false, () => GuardStore.Open(store, site));
        memo.BeginRun();
        var diagnostics = new DiagnosticBag();
        var (rendered, _) = MarkdownHtml.Render(new MarkdownInput(Body(markdown, rawHtml), File, null, null, _ => null), diagnostics, highlighter: null, reuse: memo);
        // Asked of what the store held when the build began, as the safety net asked it.
        var wasKept = Kept(memo, rendered.ToString(), rawHtml);
        memo.EndRun();
        return (rendered.ToString(), diagnostics.Sorted(), wasKept);
    }

    /// <summary>Whether the memo hands this HTML back from its store without running the check.</summary>
    private static bool Kept(RenderMemo memo, string html, bool sanitized)
    {
        var checkedAgain = false;
        // A copy, not the HTML itself: the probe must not count as a pass the memo would record.
        memo.Guarded(html, sanitized, () => { checkedAgain = true; return new string(html.AsSpan()); });
        return !checkedAgain;
    }

    [Fact]
    public void Html_that_passed_the_safety_net_passes_the_next_build_without_being_read_again()
    {
        var store = _temp.New();
        const string markdown = "Some *text* with `code` and a [link](https://example.org/).\n";
        var first = Build(store, markdown);
        var second = Build(store, markdown);

        Assert.False(first.WasKept);
        Assert.True(second.WasKept);
        Assert.Equal(first.Html, second.Html);
        Assert.Empty(second.Diagnostics);
        // The sanitizer never read it, so a body with raw HTML rendering the same is read in full.
        Assert.False(Kept(new RenderMemo(false, () => GuardStore.Open(store, "one-site")), first.Html, sanitized: true));
        Assert.False(Kept(new RenderMemo(false, () => GuardStore.Open(store, "one-site")), first.Html + " ", sanitized: false));
    }

    [Fact]
    public void Html_with_a_problem_is_never_kept_so_every_build_reports_it_at_its_line()
    {
        var store = _temp.New();
        const string markdown = "Intro.\n\n<img src=\"x.png\" onerror=\"alert(1)\">\n";
        var first = Build(store, markdown, rawHtml: true);
        var second = Build(store, markdown, rawHtml: true);

        Assert.False(second.WasKept);
        Assert.Contains(first.Diagnostics, d => d.Code == Codes.UnsafeHtml && d.Line == 8);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.DoesNotContain("onerror", second.Html);
    }

    [Fact]
    public void Two_sites_built_by_turns_with_one_store_folder_each_find_their_verdicts_kept()
    {
        var store = _temp.New();
        const string one = "The first site's paragraph.\n";
        const string two = "The second site's paragraph.\n";
        Build(store, one, site: StoreFolder.Site("one/content"));
        Build(store, two, site: StoreFolder.Site("two/content"));

        Assert.True(Build(store, one, site: StoreFolder.Site("one/content")).WasKept);
        Assert.True(Build(store, two, site: StoreFolder.Site("two/content")).WasKept);
        Assert.False(Build(store, one, site: StoreFolder.Site("three/content")).WasKept);
    }

    [Theory]
    [InlineData("{ \"Stamp\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{ \"Stamp\": \"another-generator\", \"Passed\": [] }")]
    public void A_broken_or_foreign_store_file_is_ignored_and_replaced(string text)
    {
        var store = _temp.New();
        const string markdown = "A plain paragraph.\n";
        Build(store, markdown);
        var file = Assert.Single(Directory.GetFiles(store, "guard-*.json"));
        System.IO.File.WriteAllText(file, text);

        var afterBreak = Build(store, markdown);
        var again = Build(store, markdown);

        Assert.False(afterBreak.WasKept);
        Assert.Empty(afterBreak.Diagnostics);
        Assert.True(again.WasKept);
    }
}
