using RoadmapGen.Memo;
using RoadmapGen.Serve;

namespace RoadmapGen.Tests.Memo;

/// <summary>The memo layer as serve keeps it: only what changed on disk is read and parsed again.</summary>
public class BuildMemoTests
{
    private static (string Content, string Templates) CopyOfRealSite()
    {
        var root = TestPaths.NewTempDir();
        RepositoryFiles.CopyContent(Path.Combine(root, "content"));
        TestPaths.CopyDirectory(TestPaths.Templates, Path.Combine(root, "templates"));
        return (Path.Combine(root, "content"), Path.Combine(root, "templates"));
    }

    [Fact]
    public void Edited_topic_is_the_only_file_parsed_again_and_its_change_is_rendered()
    {
        var (content, templates) = CopyOfRealSite();
        var options = new BuildOptions(content, templates);
        var cache = new BuildMemo(Keep.Everything);
        var first = SiteBuild.Run(options, cache);
        var topicCount = Directory.GetFiles(Path.Combine(content, "roadmaps", "backend", "topics")).Length;
        Assert.True(cache.FilesParsed >= topicCount);

        var file = Path.Combine(content, "roadmaps", "backend", "topics", "http.md");
        File.AppendAllText(file, "\nA sentence added while serving.\n");
        var second = SiteBuild.Run(options, cache);

        Assert.Equal(1, cache.FilesParsed);
        Assert.True(second.Succeeded);
        Assert.Contains("A sentence added while serving.", second.Files.Single(f => f.Path == "backend/http/index.html").Html);
        Assert.Equal(first.LinksChecked, second.LinksChecked);
    }

    [Fact]
    public void File_saved_again_unchanged_with_a_new_write_time_keeps_its_parse()
    {
        var (content, templates) = CopyOfRealSite();
        var options = new BuildOptions(content, templates);
        var cache = new BuildMemo(Keep.Everything);
        var first = SiteBuild.Run(options, cache);
        var file = Path.Combine(content, "roadmaps", "backend", "topics", "http.md");

        // An editor's save, a checkout or a touch: the same bytes, a later time.
        File.WriteAllBytes(file, File.ReadAllBytes(file));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5));
        var second = SiteBuild.Run(options, cache);

        // Outside git a page's date is its file's time, so the page itself shows the new time.
        Assert.Equal(0, cache.FilesParsed);
        Assert.Equal(0, cache.MarkdownRendered);
        Assert.True(second.Succeeded);
        Assert.Equal(first.Files.Select(f => f.Path), second.Files.Select(f => f.Path));
    }

    [Fact]
    public void File_changed_within_one_clock_tick_at_the_same_size_is_parsed_again_and_shows_the_new_text()
    {
        var (content, templates) = CopyOfRealSite();
        var options = new BuildOptions(content, templates);
        var cache = new BuildMemo(Keep.Everything);
        var file = Path.Combine(content, "roadmaps", "backend", "topics", "http.md");
        var text = File.ReadAllText(file);
        var sentence = "Serve reads this sentence before the edit.";
        File.WriteAllText(file, text + "\n" + sentence + "\n");
        var stamp = File.GetLastWriteTimeUtc(file);
        var length = new FileInfo(file).Length;
        Assert.Contains(sentence, SiteBuild.Run(options, cache).Files.Single(f => f.Path == "backend/http/index.html").Html);

        var edited = "Serve shows this sentence after the edits.";
        Assert.Equal(sentence.Length, edited.Length);
        File.WriteAllText(file, text + "\n" + edited + "\n");
        File.SetLastWriteTimeUtc(file, stamp);
        Assert.Equal(length, new FileInfo(file).Length);
        var second = SiteBuild.Run(options, cache);

        Assert.Equal(1, cache.FilesParsed);
        var page = second.Files.Single(f => f.Path == "backend/http/index.html").Html;
        Assert.Contains(edited, page);
        Assert.DoesNotContain(sentence, page);
    }

    [Fact]
    public void New_title_renders_no_Markdown_and_only_the_pages_that_show_the_title_byte_identical_to_a_full_build()
    {
        var (content, templates) = CopyOfRealSite();
        var options = new BuildOptions(content, templates);
        var cache = new BuildMemo(Keep.Everything);
        var first = SiteBuild.Run(options, cache);
        var file = Path.Combine(content, "roadmaps", "backend", "topics", "caching.md");
        File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), "(?m)^title: .*$", "title: Caching, renamed"));

        var cached = SiteBuild.Run(options, cache);
        var fresh = SiteBuild.Run(options);

        // Bodies are known by their text: neither the edited topic's nor a translation's, read
        // again on every load, is rendered again; and only the pages that show the title are.
        Assert.Equal(0, cache.MarkdownRendered);
        Assert.InRange(cache.PagesRendered, 2, first.Pages / 4);
        Assert.Contains("Caching, renamed", cached.Files.Single(f => f.Path == "backend/caching/index.html").Html);
        Assert.Equal(fresh.Files.Select(f => f.Path), cached.Files.Select(f => f.Path));
        Assert.All(fresh.Files.Zip(cached.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), pair.First.Path));
    }

    [Fact]
    public void Cached_build_equals_a_fresh_build_after_prerequisites_change()
    {
        var (content, templates) = CopyOfRealSite();
        var options = new BuildOptions(content, templates);
        var cache = new BuildMemo(Keep.Everything);
        SiteBuild.Run(options, cache);
        var file = Path.Combine(content, "roadmaps", "backend", "topics", "caching.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("prerequisites: [http, databases]", "prerequisites: [http]"));

        var cached = SiteBuild.Run(options, cache);
        var fresh = SiteBuild.Run(options);

        Assert.Equal(fresh.Files.Select(f => f.Path), cached.Files.Select(f => f.Path));
        Assert.All(fresh.Files.Zip(cached.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), pair.First.Path));
    }

    [Fact]
    public void Cached_build_equals_a_fresh_build_after_a_choice_is_removed_from_roadmap_yml()
    {
        var (content, templates) = CopyOfRealSite();
        var options = new BuildOptions(content, templates);
        var cache = new BuildMemo(Keep.Everything);
        var before = SiteBuild.Run(options, cache);
        Assert.Contains("Pick one web server", before.Files.Single(f => f.Path == "backend/index.html").Html);
        var yml = Path.Combine(content, "roadmaps", "backend", "roadmap.yml");
        var lines = File.ReadAllLines(yml).ToList();
        var start = lines.IndexOf("      - title: web server") - 1;
        Assert.Equal("    choices:", lines[start]);
        // The choice's five lines and its 'when:' with a line per alternative.
        var end = lines.FindIndex(start + 1, l => l.StartsWith("    optional:", StringComparison.Ordinal));
        lines.RemoveRange(start, end - start);
        File.WriteAllLines(yml, lines);

        // The topics come from the cache, still marked as alternatives by the first load.
        var cached = SiteBuild.Run(options, cache);
        var fresh = SiteBuild.Run(options);

        Assert.True(cached.Succeeded, string.Join("\n", cached.Diagnostics.Sorted()));
        Assert.DoesNotContain("Pick one web server", cached.Files.Single(f => f.Path == "backend/index.html").Html);
        Assert.Equal(fresh.Files.Select(f => f.Path), cached.Files.Select(f => f.Path));
        Assert.All(fresh.Files.Zip(cached.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), pair.First.Path));
        Directory.Delete(Path.GetDirectoryName(content)!, recursive: true);
    }

    [Fact]
    public void Unchanged_broken_topic_reports_its_error_on_every_build()
    {
        var (content, templates) = CopyOfRealSite();
        var file = Path.Combine(content, "roadmaps", "backend", "topics", "caching.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("type: article", "type: artcle"));
        var cache = new BuildMemo(Keep.Everything);
        var options = new BuildOptions(content, templates);

        var first = SiteBuild.Run(options, cache).Diagnostics.Sorted();
        var second = SiteBuild.Run(options, cache).Diagnostics.Sorted();

        Assert.Equal(0, cache.FilesParsed);
        Assert.Contains(first, d => d.Code == "RG0112");
        Assert.Equal(first, second);
    }

    [Fact]
    public void New_topic_file_makes_every_parse_fresh_because_links_to_it_now_resolve()
    {
        var (content, templates) = CopyOfRealSite();
        var options = new BuildOptions(content, templates);
        var cache = new BuildMemo(Keep.Everything);
        var http = Path.Combine(content, "roadmaps", "backend", "topics", "http.md");
        File.AppendAllText(http, "\nSee [the new topic](brand-new.md).\n");
        Assert.Contains(SiteBuild.Run(options, cache).Diagnostics.Sorted(), d => d.Code == "RG0119");

        File.WriteAllText(Path.Combine(content, "roadmaps", "backend", "topics", "brand-new.md"),
            "---\ntitle: Brand new\nsummary: A topic added while serving.\nresources:\n  - title: A\n    url: https://example.org/a\n    type: article\n  - title: B\n    url: https://example.org/b\n    type: official\n  - title: C\n    url: https://example.org/c\n    type: video\n"
            + "questions:\n  - { question: One?, answer: One. }\n  - { question: Two?, answer: Two. }\n  - { question: Three?, answer: Three. }\n---\n\nBody.\n");
        var roadmap = Path.Combine(content, "roadmaps", "backend", "roadmap.yml");
        File.WriteAllText(roadmap, File.ReadAllText(roadmap).Replace("job-preparation]", "job-preparation, brand-new]"));
        var after = SiteBuild.Run(options, cache);

        Assert.Empty(after.Diagnostics.Sorted());
        Assert.Contains(after.Files, f => f.Path == "backend/brand-new/index.html");
    }
}
