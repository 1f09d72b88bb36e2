using RoadmapGen.Memo;

namespace RoadmapGen.Tests.Memo;

/// <summary>
/// Each page's ids and links kept for the next build: a build that reads them from the store
/// reports every problem exactly as one that read the pages, and a lost or broken store only costs time.
/// </summary>
public sealed class PageLinksStoreTests : IDisposable
{
    private readonly TempDirs _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The tiny golden site with a broken link and a broken #fragment in Markdown, and a template that writes an id twice.</summary>
    private BuildOptions SiteWithProblems()
    {
        var work = _temp.New();
        TestPaths.CopyDirectory(TestPaths.Templates, Path.Combine(work, "templates"));
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Golden, "_base"), work);
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Golden, "broken-link-in-markdown"), work);
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Golden, "duplicate-id"), work);
        File.Delete(Path.Combine(work, "expected.txt"));
        return new BuildOptions(Path.Combine(work, "content"), Path.Combine(work, "templates"));
    }

    [Fact]
    public void Problems_found_with_links_read_from_the_store_are_reported_at_the_same_lines()
    {
        var options = SiteWithProblems();
        var store = _temp.New();
        var first = new BuildMemo(Keep.Nothing, store);
        var cold = SiteBuild.Run(options, first);
        Assert.True(first.PagesParsed > 0);

        var second = new BuildMemo(Keep.Nothing, store);
        var warm = SiteBuild.Run(options, second);

        Assert.Equal(0, second.PagesParsed);
        var problems = cold.Diagnostics.Sorted();
        Assert.Contains(problems, d => d.Code == "RG0301" && d.File.EndsWith("beta.md", StringComparison.Ordinal) && d.Line == 17 && d.Column == 6);
        Assert.Contains(problems, d => d.Code == "RG0302" && d.Line == 15);
        Assert.Contains(problems, d => d.Code == "RG0303");
        Assert.Equal(problems, warm.Diagnostics.Sorted());
        Assert.Equal(cold.LinksChecked, warm.LinksChecked);
    }

    [Fact]
    public void A_page_whose_bytes_changed_is_read_again_and_its_new_broken_link_reported()
    {
        var options = SiteWithProblems();
        var store = _temp.New();
        SiteBuild.Run(options, new BuildMemo(Keep.Nothing, store));
        var beta = Path.Combine(options.Content, "roadmaps", "tiny", "topics", "beta.md");
        File.AppendAllText(beta, "\nOne more: [gone](/tiny/gone/).\n");

        var memo = new BuildMemo(Keep.Nothing, store);
        var result = SiteBuild.Run(options, memo);

        Assert.InRange(memo.PagesParsed, 1, result.Pages - 1);
        Assert.Contains(result.Diagnostics.Sorted(), d => d.Code == "RG0301" && d.Message.Contains("'/tiny/gone/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_sites_built_by_turns_with_one_store_folder_each_find_their_own_pages_kept()
    {
        var one = SiteWithProblems();
        var two = SiteWithProblems();
        // Another title: every page of the second site differs from the first's.
        var siteYml = Path.Combine(two.Content, "site.yml");
        File.WriteAllText(siteYml, File.ReadAllText(siteYml).Replace("Tiny Roadmap", "Another Roadmap", StringComparison.Ordinal));
        var store = _temp.New();
        SiteBuild.Run(one, new BuildMemo(Keep.Nothing, store));
        SiteBuild.Run(two, new BuildMemo(Keep.Nothing, store));

        var oneAgain = new BuildMemo(Keep.Nothing, store);
        var oneResult = SiteBuild.Run(one, oneAgain);
        var twoAgain = new BuildMemo(Keep.Nothing, store);
        var twoResult = SiteBuild.Run(two, twoAgain);

        Assert.True(oneResult.Pages > 0 && twoResult.Pages > 0);
        Assert.Equal(0, oneAgain.PagesParsed);
        Assert.Equal(0, twoAgain.PagesParsed);
        Assert.Equal(2, Directory.GetFiles(store, "page-links-*.json").Length);
        Assert.Equal(2, Directory.GetFiles(store, "guard-*.json").Length);
    }

    [Fact]
    public void A_store_file_of_another_content_folder_is_not_read()
    {
        var original = SiteWithProblems();
        var copy = SiteWithProblems();
        var store = _temp.New();
        SiteBuild.Run(original, new BuildMemo(Keep.Nothing, store));

        // The same bytes in another folder: only reading the first folder's file would spare the reading.
        var memo = new BuildMemo(Keep.Nothing, store);
        var result = SiteBuild.Run(copy, memo);

        Assert.Equal(result.Pages, memo.PagesParsed);
        var originalAgain = new BuildMemo(Keep.Nothing, store);
        SiteBuild.Run(original, originalAgain);
        Assert.Equal(0, originalAgain.PagesParsed);
    }

    [Theory]
    [InlineData("{ \"Stamp\": ")]
    [InlineData("not json at all")]
    [InlineData("{ \"Stamp\": \"another-generator\", \"Pages\": {} }")]
    [InlineData("{ \"Stamp\": null, \"Pages\": { \"zz\": { \"ids\": null } } }")]
    public void A_broken_or_foreign_store_file_is_ignored_and_replaced_not_an_error(string text)
    {
        var options = SiteWithProblems();
        var store = _temp.New();
        var cold = SiteBuild.Run(options, new BuildMemo(Keep.Nothing, store));
        var file = Assert.Single(Directory.GetFiles(store, "page-links-*.json"));
        File.WriteAllText(file, text);

        var memo = new BuildMemo(Keep.Nothing, store);
        var result = SiteBuild.Run(options, memo);

        Assert.Equal(result.Pages, memo.PagesParsed);
        Assert.Equal(cold.Diagnostics.Sorted(), result.Diagnostics.Sorted());
        var again = new BuildMemo(Keep.Nothing, store);
        SiteBuild.Run(options, again);
        Assert.Equal(0, again.PagesParsed);
        Assert.DoesNotContain(Directory.GetFiles(store), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entry_whose_parts_are_missing_is_read_again()
    {
        var options = SiteWithProblems();
        var store = _temp.New();
        SiteBuild.Run(options, new BuildMemo(Keep.Nothing, store));
        var file = Assert.Single(Directory.GetFiles(store, "page-links-*.json"));
        // Every page's links gone from the file, as a hand edit might leave it.
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"links\":", "\"unknown\":", StringComparison.Ordinal));

        var memo = new BuildMemo(Keep.Nothing, store);
        var result = SiteBuild.Run(options, memo);

        Assert.Equal(result.Pages, memo.PagesParsed);
        Assert.Contains(result.Diagnostics.Sorted(), d => d.Code == "RG0301");
    }

    [Fact]
    public void A_store_folder_that_cannot_be_made_only_costs_time()
    {
        var options = SiteWithProblems();
        var blocked = Path.Combine(_temp.New(), "a-file");
        File.WriteAllText(blocked, "");
        var cold = SiteBuild.Run(options, new BuildMemo(Keep.Nothing));

        var memo = new BuildMemo(Keep.Nothing, Path.Combine(blocked, "store"));
        var result = SiteBuild.Run(options, memo);

        Assert.Equal(cold.Diagnostics.Sorted(), result.Diagnostics.Sorted());
        Assert.Equal(result.Pages, memo.PagesParsed);
    }
}
