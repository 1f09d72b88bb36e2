using System.Text.RegularExpressions;
using RoadmapGen.Check;
using RoadmapGen.Core;
using RoadmapGen.Diagnostics;
using RoadmapGen.Memo;
using RoadmapGen.Serve;

namespace RoadmapGen.Tests.Serve;

/// <summary>
/// A contributor who saves again while a rebuild is under way sees the newer edit without waiting
/// for the older rebuild to end: serve stops it and starts the next at once. What it stops must
/// leave nothing half-done: the site served, the diagnostics and the memos stay those of whole builds.
/// </summary>
public sealed partial class NewerSaveTests : IDisposable
{
    private const string FirstTitle = "Caching, first save";
    private const string SecondTitle = "Caching, second save";
    private readonly string _root = TestPaths.NewTempDir();
    private readonly EventHub _events = new(TimeSpan.FromMinutes(1));

    public void Dispose()
    {
        _events.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private string Content => Path.Combine(_root, "content");

    private string Topic => Path.Combine(Content, "roadmaps", "backend", "topics", "caching.md");

    private ChangeSet Retitle(string title)
    {
        File.WriteAllText(Topic, TitleLine().Replace(File.ReadAllText(Topic), "title: " + title, 1));
        return new ChangeSet(new HashSet<string> { Topic }, Templates: false, Everything: false);
    }

    [Fact]
    public async Task A_save_during_a_rebuild_stops_the_rest_of_it_and_the_newer_edit_is_served_whole()
    {
        RepositoryFiles.CopyContent(Content);
        var options = new BuildOptions(Content, TestPaths.Templates);
        // What each rebuild did, in order.
        var builds = new List<string>();
        var savedAgain = false;
        LiveSite? live = null;
        live = new LiveSite(options, TextWriter.Null, _events, build: (o, memo, first, cancel) =>
        {
            var restRendered = false;
            try
            {
                var result = SiteBuild.Run(o, memo, rendered: _ => restRendered = true, cancel: cancel, first: first is null ? null : first with
                {
                    Ready = files =>
                    {
                        first.Ready(files);
                        // The contributor saves again while the rest of the rebuild (every other page, the check) is still to come.
                        if (savedAgain) return;
                        savedAgain = true;
                        live!.Changed(Retitle(SecondTitle));
                    },
                });
                builds.Add(restRendered ? "whole" : "failed before the rest");
                return result;
            }
            catch (OperationCanceledException)
            {
                builds.Add(restRendered ? "stopped after the rest was rendered" : "stopped after its first pages");
                throw;
            }
        });
        Assert.True(live.Rebuild(ChangeSet.All).Succeeded);
        builds.Clear();
        using var stream = new RecordingStream();
        using var stop = new CancellationTokenSource();
        var listening = _events.StreamAsync(stream, stop.Token, page: "/backend/caching/");
        Assert.True(SpinWait.SpinUntil(() => stream.Count("event: diagnostics") == 1, TimeSpan.FromSeconds(30)));
        var rebuilding = Task.Run(() => live.RunAsync(stop.Token));

        live.Changed(Retitle(FirstTitle));

        Assert.True(SpinWait.SpinUntil(() => stream.Count("event: diagnostics") == 2, TimeSpan.FromSeconds(120)), "the newer edit's rebuild did not end");
        await stop.CancelAsync();
        await rebuilding.WaitAsync(TimeSpan.FromSeconds(30));
        await listening.WaitAsync(TimeSpan.FromSeconds(30));

        // The first save's rebuild handed over its page, then stopped: the rest of it was neither rendered nor checked.
        Assert.Equal(["stopped after its first pages", "whole"], builds);
        // Each rebuild's first pages reloaded the open page; only the whole one's diagnostics were sent.
        Assert.Equal(2, stream.Count("event: reload"));
        Assert.Equal(2, stream.Count("event: diagnostics"));
        var served = live.Current!;
        Assert.Null(served.Complete);
        Assert.Contains(SecondTitle, served.Find("backend/caching/index.html")!.Html);
        Assert.Contains(SecondTitle, served.Find("backend/all/index.html")!.Html);
        Assert.DoesNotContain(served.Files, f => f.IsHtml && f.Html!.Contains(FirstTitle, StringComparison.Ordinal));
        var text = stream.Text;
        Assert.Contains($"\"version\":\"{served.Version}\"", text[text.LastIndexOf("event: diagnostics", StringComparison.Ordinal)..]);
        // Every link of every served page resolves.
        var problems = new DiagnosticBag();
        new LinkChecker(new Routes("/"), null, f => f.Path).Check(served.Files.ToList(), problems);
        Assert.Empty(problems.Sorted());
        // The memos the stopped rebuild left make what a cold build makes, now and after the next edit.
        AssertServesTheColdBuild(live, options);
        Assert.True(live.Rebuild(Retitle("Caching, third save")).Succeeded);
        AssertServesTheColdBuild(live, options);
    }

    [Fact]
    public void Rebuilds_stopped_at_any_point_leave_memos_that_rebuild_to_exactly_the_full_build()
    {
        var site = new SyntheticSite(Path.Combine(_root, "site"), seed: 20261207);
        var options = new BuildOptions(site.Content, TestPaths.Templates);
        Action? atFirstPages = null;
        Action? atRendered = null;
        var live = new LiveSite(options, TextWriter.Null, _events, build: (o, memo, first, cancel) =>
            SiteBuild.Run(o, memo, rendered: _ => atRendered?.Invoke(), cancel: cancel, first: first is null ? null : first with
            {
                Ready = files =>
                {
                    first.Ready(files);
                    atFirstPages?.Invoke();
                },
            }));
        Assert.True(live.Rebuild(ChangeSet.All).Succeeded);
        var fullBuilds = new BuildMemo(Keep.Templates | Keep.PageParses);
        var random = site.Random;
        var edits = Enum.GetValues<IncrementalRebuildTests.Edit>().Where(e => e != IncrementalRebuildTests.Edit.Template).ToArray();
        var stopped = 0;
        for (var step = 0; step < 30; step++)
        {
            IncrementalRebuildTests.Apply(site, edits[random.Next(edits.Length)], random);
            var firstSave = site.Write();
            // Stopped once its first pages are out, once its pages are rendered (before the check), or at any moment.
            using var stop = new CancellationTokenSource();
            atFirstPages = step % 3 == 0 ? stop.Cancel : null;
            atRendered = step % 3 == 1 ? stop.Cancel : null;
            if (step % 3 == 2) stop.CancelAfter(random.Next(1, 80));
            var first = live.Rebuild(new ChangeSet(firstSave, Templates: false, Everything: false), stop.Token);
            (atFirstPages, atRendered) = (null, null);
            if (first.Stopped) stopped++;

            IncrementalRebuildTests.Apply(site, edits[random.Next(edits.Length)], random);
            var secondSave = site.Write();
            var report = live.Rebuild(new ChangeSet(first.Stopped ? firstSave.Union(secondSave).ToHashSet() : secondSave, Templates: false, Everything: false));
            var full = SiteBuild.Run(options, fullBuilds);

            var context = $"step {step}";
            Assert.False(report.Stopped);
            Assert.True(full.Succeeded == report.Succeeded, context);
            Assert.Equal(full.Diagnostics.Sorted().Select(d => d.ToString()), report.Diagnostics.Select(d => d.ToString()));
            if (!full.Succeeded) continue;
            Assert.Equal(full.Files.Select(f => f.Path), live.Current!.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
            foreach (var file in full.Files)
                Assert.True(file.Content.AsSpan().SequenceEqual(live.Current.Find(file.Path)!.Content), $"{context}: serve serves {file.Path} unlike a full build");
        }
        // The steps stopped at the first pages or before the check stop whenever their edit builds.
        Assert.True(stopped >= 12, $"only {stopped} of 30 rebuilds were stopped");
    }

    /// <summary>What serve holds is, file for file and byte for byte, what a build with nothing kept makes.</summary>
    private static void AssertServesTheColdBuild(LiveSite live, BuildOptions options)
    {
        var cold = SiteBuild.Run(options);
        Assert.True(cold.Succeeded);
        Assert.Equal(cold.Diagnostics.Sorted().Select(d => d.ToString()), live.Diagnostics.Select(d => d.ToString()));
        var served = live.Current!;
        Assert.Null(served.Complete);
        Assert.Equal(cold.Files.Select(f => f.Path), served.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        foreach (var file in cold.Files)
            Assert.True(file.Content.AsSpan().SequenceEqual(served.Find(file.Path)!.Content), $"serve serves {file.Path} unlike a cold build");
    }

    [GeneratedRegex(@"^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();
}
