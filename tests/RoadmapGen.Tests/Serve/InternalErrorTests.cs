using RoadmapGen.Diagnostics;
using RoadmapGen.Serve;

namespace RoadmapGen.Tests.Serve;

/// <summary>A bug during a rebuild must not end the preview: it is reported, the last good pages stay, the next save rebuilds.</summary>
public class InternalErrorTests
{
    [Fact]
    public void A_crash_in_a_rebuild_is_reported_the_last_good_site_stays_and_the_next_save_is_served()
    {
        var content = TestPaths.NewTempDir();
        RepositoryFiles.CopyContent(content);
        var topic = Path.Combine(content, "roadmaps", "backend", "topics", "caching.md");
        var crash = false;
        var console = new StringWriter();
        using var events = new EventHub(TimeSpan.FromMinutes(1));
        var site = new LiveSite(new BuildOptions(content, TestPaths.Templates, "/"), console, events, verbose: false,
            build: (options, cache, first, cancel) => crash ? throw new InvalidOperationException("simulated bug") : SiteBuild.Run(options, cache, first: first, cancel: cancel));

        Assert.True(site.Rebuild(ChangeSet.All).Succeeded);
        var good = site.Current!;

        crash = true;
        File.AppendAllText(topic, "\nA sentence written while the generator was broken.\n");
        var failed = site.Rebuild(new ChangeSet(new HashSet<string> { topic }, false, false));

        var error = Assert.Single(failed.Diagnostics);
        Assert.Equal(Codes.InternalError, error.Code);
        Assert.Contains("simulated bug", error.Message);
        Assert.Contains("please report", error.Message);
        Assert.DoesNotContain("   at ", console.ToString());
        Assert.Same(good, site.Current);

        crash = false;
        File.AppendAllText(topic, "\nAnd one written after the fix.\n");
        Assert.True(site.Rebuild(new ChangeSet(new HashSet<string> { topic }, false, false)).Succeeded);

        Assert.Contains("And one written after the fix.", site.Current!.Find("backend/caching/index.html")!.Html);
        Directory.Delete(content, recursive: true);
    }
}
