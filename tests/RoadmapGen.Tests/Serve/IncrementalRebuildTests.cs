using RoadmapGen.Memo;
using RoadmapGen.Serve;
using RoadmapGen.Tests.Fuzz;

namespace RoadmapGen.Tests.Serve;

/// <summary>
/// serve re-renders and re-checks only what an edit can change; whatever it skips, the site it
/// serves must be the one a full build makes, byte for byte, with the same diagnostics.
/// </summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    internal enum Edit { Body, Title, Summary, Prerequisites, NewTopic, DeleteTopic, MoveTopic, Template, SiteTitle, BrokenLink }

    [Fact]
    public void Hundreds_of_random_edits_each_rebuild_to_exactly_the_full_build()
    {
        var site = new SyntheticSite(Path.Combine(_root, "site"), seed: 20261202);
        var templates = Path.Combine(_root, "templates");
        TestPaths.CopyDirectory(TestPaths.Templates, templates);
        var options = new BuildOptions(site.Content, templates);
        BuildResult? last = null;
        var live = new LiveSite(options, TextWriter.Null, new EventHub(TimeSpan.FromMinutes(1)),
            build: (o, cache, first, cancel) => last = SiteBuild.Run(o, cache, first: first, cancel: cancel));
        Assert.True(live.Rebuild(ChangeSet.All).Succeeded);

        var random = site.Random;
        var edits = Enum.GetValues<Edit>();
        int rendered = 0, renderedByFullBuilds = 0, checkedPages = 0, succeeded = 0;
        // The full builds render and check everything; they only share parsed templates, until a template changes.
        var fullBuildTemplates = new BuildMemo(Keep.Templates | Keep.PageParses);
        for (var step = 0; step < 300; step++)
        {
            var edit = edits[random.Next(edits.Length)];
            var templateChanged = edit == Edit.Template && EditTemplate(templates, random, step);
            if (edit != Edit.Template) Apply(site, edit, random);
            var changed = site.Write();

            var report = live.Rebuild(new ChangeSet(changed, templateChanged, Everything: false));
            if (templateChanged) fullBuildTemplates = new BuildMemo(Keep.Templates | Keep.PageParses);
            var full = SiteBuild.Run(options, fullBuildTemplates);

            var context = $"step {step} ({edit})";
            Assert.True(full.Succeeded == report.Succeeded, context);
            Assert.Equal(full.Diagnostics.Sorted().Select(d => d.ToString()), report.Diagnostics.Select(d => d.ToString()));
            if (!full.Succeeded) continue;
            succeeded++;
            Assert.Equal(full.LinksChecked, last!.LinksChecked);
            Assert.Equal(full.Files.Select(f => f.Path), last.Files.Select(f => f.Path));
            foreach (var (expected, actual) in full.Files.Zip(last.Files))
                Assert.True(expected.Content.AsSpan().SequenceEqual(actual.Content), $"{context}: {expected.Path} differs from a full build");
            foreach (var file in full.Files)
                Assert.True(file.Content.AsSpan().SequenceEqual(live.Current!.Find(file.Path)!.Content), $"{context}: serve serves an old {file.Path}");
            rendered += report.PagesRendered;
            checkedPages += report.PagesChecked;
            renderedByFullBuilds += full.Pages;
        }

        // Most edits must have been valid, or the comparison proved little; and skipping must have happened.
        Assert.True(succeeded > 200, $"only {succeeded} of 300 edits built");
        Assert.True(rendered < renderedByFullBuilds / 2, $"rendered {rendered} pages where full builds rendered {renderedByFullBuilds}");
        Assert.True(checkedPages < renderedByFullBuilds / 2, $"checked {checkedPages} pages where full builds checked {renderedByFullBuilds}");
    }

    [Fact]
    public void Editing_one_topic_body_re_renders_its_pages_and_re_checks_only_pages_linking_into_them()
    {
        var site = new SyntheticSite(Path.Combine(_root, "site"), seed: 7);
        var live = new LiveSite(new BuildOptions(site.Content, TestPaths.Templates), TextWriter.Null, new EventHub(TimeSpan.FromMinutes(1)));
        var first = live.Rebuild(ChangeSet.All);
        Assert.True(first.Succeeded);
        var roadmap = site.Roadmaps[0];
        var topic = roadmap.Topics.Values.First();
        topic.Body += "\nOne more sentence, with no link.\n";

        var report = live.Rebuild(new ChangeSet(site.Write(), Templates: false, Everything: false));

        // The topic's page and its roadmap's whole-roadmap page show the body, and the roadmap
        // page's structured data, the sitemap and the feed say when the topic changed; nothing else changes.
        Assert.Equal(3, report.PagesRendered);
        Assert.Equal(["feed.xml", "mapa/all/index.html", "mapa/index.html", $"mapa/{topic.Slug}/index.html", "search-index.json", "sitemap.xml", "sw.js"], report.ChangedPaths);
        // Its ids did not change, so links into its pages hold as they did: only the changed pages are checked.
        Assert.Equal(3, report.PagesChecked);
        Assert.Equal(first.PagesChecked, live.Rebuild(ChangeSet.All).PagesChecked);
    }

    private const string Broken = "\nSee [nowhere](#no-such-heading).\n";

    internal static void Apply(SyntheticSite site, Edit edit, Random random)
    {
        // The mistake of the step before is fixed along with this step's edit.
        foreach (var t in site.Roadmaps.SelectMany(r => r.Topics.Values)) t.Body = t.Body.Replace(Broken, "");
        var roadmap = site.Roadmaps[random.Next(site.Roadmaps.Count)];
        var slugs = roadmap.Order;
        var topic = roadmap.Topics[slugs[random.Next(slugs.Count)]];
        switch (edit)
        {
            case Edit.Body:
                topic.Body = site.NewBody(roadmap, topic.Slug);
                break;
            case Edit.Title:
                topic.Title = site.NewTitle();
                break;
            case Edit.Summary:
                topic.Summary = site.NewSentence();
                break;
            case Edit.Prerequisites:
                // Only topics before it in reading order, as the roadmap requires.
                var earlier = slugs.TakeWhile(s => s != topic.Slug).ToList();
                topic.Prerequisites.Clear();
                foreach (var slug in earlier.OrderBy(_ => random.Next()).Take(random.Next(3))) topic.Prerequisites.Add(slug);
                break;
            case Edit.NewTopic:
                var stage = roadmap.Stages[random.Next(roadmap.Stages.Count)];
                site.AddTopic(roadmap, stage, random.Next(stage.Slugs.Count + 1));
                break;
            case Edit.DeleteTopic when slugs.Count > 3:
                site.DeleteTopic(roadmap, topic.Slug);
                break;
            case Edit.MoveTopic when topic.Prerequisites.Count == 0 && !roadmap.Topics.Values.Any(t => t.Prerequisites.Contains(topic.Slug)):
                foreach (var s in roadmap.Stages) s.Slugs.Remove(topic.Slug);
                var to = roadmap.Stages[random.Next(roadmap.Stages.Count)];
                to.Slugs.Insert(random.Next(to.Slugs.Count + 1), topic.Slug);
                break;
            case Edit.SiteTitle:
                site.SiteTitle = "Synthetic roadmap " + random.Next(5);
                break;
            case Edit.BrokenLink:
                // A mistake, fixed by the next step: the failed rebuild must not poison the ones after it.
                topic.Body += Broken;
                break;
        }
    }

    /// <summary>Adds, changes or removes a visible line in one template; false when it changed nothing.</summary>
    private static bool EditTemplate(string templates, Random random, int step)
    {
        string[] files = ["partials/footer.sbn-html", "pages/topic.sbn-html", "pages/all.sbn-html", "layouts/base.sbn-html"];
        var path = Path.Combine(templates, files[random.Next(files.Length)]);
        var text = File.ReadAllText(path);
        var marker = text.IndexOf("\n<!-- edited ", StringComparison.Ordinal);
        var original = marker < 0 ? text : text[..marker];
        var edited = random.Next(3) == 0 ? original : original + $"\n<!-- edited {step} -->\n";
        if (edited == text) return false;
        File.WriteAllText(path, edited);
        return true;
    }
}
