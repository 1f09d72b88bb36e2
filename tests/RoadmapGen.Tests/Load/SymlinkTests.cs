namespace RoadmapGen.Tests.Load;

/// <summary>A pull request can add a symbolic link; the build must not publish what it points at outside the repository's folders.</summary>
public class SymlinkTests
{
    [Fact]
    public void Links_to_files_outside_content_and_templates_are_refused_without_being_read()
    {
        var work = TestPaths.NewTempDir();
        var content = Path.Combine(work, "content");
        var templates = Path.Combine(work, "templates");
        RepositoryFiles.CopyContent(content);
        TestPaths.CopyDirectory(TestPaths.Templates, templates);
        var secret = Path.Combine(work, "secret.txt");
        File.WriteAllText(secret, "---\ntitle: Secret\nsummary: TOKEN-123\n---\nTOKEN-123\n");
        File.CreateSymbolicLink(Path.Combine(content, "pages", "leak.md"), secret);
        File.CreateSymbolicLink(Path.Combine(templates, "assets", "leak.css"), secret);
        // A link that stays inside content/ is fine.
        File.CreateSymbolicLink(Path.Combine(content, "pages", "about-again.md"), Path.Combine(content, "pages", "about.md"));

        var first = SiteBuild.Run(new BuildOptions(content, templates, "/"));
        File.Delete(Path.Combine(content, "pages", "leak.md"));
        var second = SiteBuild.Run(new BuildOptions(content, templates, "/"));

        Assert.Equal(["leak.md"], Refused(first));
        Assert.Equal(["leak.css"], Refused(second));
        Assert.DoesNotContain(first.Files.Concat(second.Files), f => System.Text.Encoding.UTF8.GetString(f.Content).Contains("TOKEN-123"));
        Assert.DoesNotContain(first.Diagnostics.Sorted().Concat(second.Diagnostics.Sorted()), d => d.File.EndsWith("about-again.md"));
        Directory.Delete(work, recursive: true);
    }

    private static List<string> Refused(BuildResult result) =>
        result.Diagnostics.Sorted().Where(d => d.Code == "RG0129").Select(d => Path.GetFileName(d.File)).ToList();
}
