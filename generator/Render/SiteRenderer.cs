using System.Collections.Concurrent;
using Markdig.Syntax;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render.Highlighting;
using RoadmapGen.Render.Offline;
using RoadmapGen.Render.Previews;
using RoadmapGen.Render.Templates;
using RoadmapGen.Render.Views;

namespace RoadmapGen.Render;

/// <summary>
/// Render stage: the loaded site → every output file, in memory, rendered in parallel. Reads
/// the site and never writes to it: view models are derived from it, and Markdown is rendered
/// from the loaded documents as they are.
/// </summary>
/// <param name="reuse">What may be taken from earlier work (the memo layer decides); none renders everything.</param>
public sealed class SiteRenderer(Site site, TemplateEngine templates, Routes urls, IRenderReuse? reuse = null)
{
    private readonly IRenderReuse _reuse = reuse ?? IRenderReuse.None;

    public IReadOnlyList<OutputFile> Render(DiagnosticBag diagnostics)
    {
        _reuse.BeginRun();
        try
        {
            return RenderAll(diagnostics);
        }
        finally
        {
            _reuse.EndRun();
        }
    }

    private IReadOnlyList<OutputFile> RenderAll(DiagnosticBag diagnostics)
    {
        var assets = Assets.Load(templates.Root, urls, diagnostics);
        var worker = OfflineFiles.ReadWorker(templates.Root, diagnostics);
        var views = new SiteViews(site, urls, assets, offline: worker is not null);
        var data = new StructuredData(site, urls);
        var siteUpdated = site.Changed.Values.DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var sourceUrls = SourceUrls();
        var run = templates.BeginRun(site.Roadmaps.Sum(r => r.Topics.Count), _reuse);
        var output = new ConcurrentBag<OutputFile>(assets.Files);
        var highlighter = new CodeHighlighter(_reuse);
        highlighter.Prepare(Bodies().SelectMany(b => b.Body.Document.Descendants<FencedCodeBlock>()));
        if (CodeHighlighter.Unavailable is { } reason) HighlightingUnavailable(reason, diagnostics);

        void AddPage(PageModel model, string? source, IReadOnlyList<LinkOrigin>? origins = null, string? path = null, DateTimeOffset? updated = null,
            IReadOnlyList<IdOrigin>? ids = null)
        {
            path ??= urls.OutputPath(model.Chrome.Page.Url);
            var rendered = run.Render(model, path);
            if (rendered is null) return;
            output.Add(new OutputFile
            {
                Path = path, HtmlUtf8 = rendered.Html, Sources = rendered.Sources,
                SourcePath = source, Templates = templates.SourcesFor("pages/" + model.Template), Origins = origins ?? [], IdOrigins = ids ?? [],
                Updated = updated ?? (source is null ? siteUpdated : site.ChangedAt(source)),
            });
        }

        var intro = site.Home is { } home ? Markdown(home.Body, home.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter) : null;
        AddPage(new HomePage(views.Chrome(site.Config.Title, site.Config.Description, urls.Home, "home", data.Home()), views.Roadmaps, intro?.Html),
            site.Home?.SourcePath, intro?.Origins, updated: siteUpdated, ids: intro?.Ids);

        foreach (var page in site.Pages)
        {
            var body = Markdown(page.Body, page.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter);
            AddPage(new ContentPage(views.Chrome(page.Title, page.Summary, urls.Page(page), "page"),
                new ContentView(page.Title, page.Summary, body.Html, views.EditUrl(page.File))), page.SourcePath, body.Origins, ids: body.Ids);
        }

        AddPage(new NotFoundPage(views.Chrome("Page not found", site.Config.Description, urls.NotFound, "404"), views.Roadmaps),
            null, path: Routes.NotFoundFile);

        if (SiteViews.HasRoadmapIndex(site))
            AddPage(new RoadmapIndexPage(views.Chrome("All roadmaps", $"The {site.Roadmaps.Count} roadmaps of {site.Config.Title}: what each covers, its size, and your progress.",
                urls.RoadmapIndex, "roadmaps"), views.Roadmaps), null);

        AddPage(new TopicIndexPage(views.Chrome("All topics A–Z", "Every topic of every roadmap, in alphabetical order.", urls.TopicIndex, "topics"),
            views.Letters()), null);

        // A roadmap's whole-roadmap page (its biggest) renders on its own task while the next
        // roadmap's topics render, rather than after them with one core idle; only the
        // sections of the roadmaps in flight are held in memory.
        var roadmapPages = new List<Task>();
        foreach (var roadmap in site.Roadmaps)
        {
            var roadmapView = views.Roadmap(roadmap);
            var sections = new (TopicView Section, List<LinkOrigin> Origins, IReadOnlyList<IdOrigin> Ids)[roadmap.Topics.Count];
            Parallel.ForEach(roadmap.Topics, topic =>
            {
                var body = Markdown(topic.Body, topic.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter, pageUrl: urls.Topic(topic));
                var (html, origins, ids) = (body.Html, new List<LinkOrigin>(body.Origins), new List<IdOrigin>(body.Ids));
                var questions = new List<QuestionView>(topic.Questions.Count);
                foreach (var question in topic.Questions)
                {
                    var answer = Markdown(question.Answer, topic.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter, pageUrl: urls.Topic(topic));
                    questions.Add(new QuestionView(QuestionText.Html(question.Text), answer.Html));
                    origins.AddRange(answer.Origins);
                    ids.AddRange(answer.Ids);
                }
                var view = views.Topic(topic, html, topic.Slug, questions);
                AddPage(new TopicPage(views.Chrome(topic.Title, topic.Summary, urls.Topic(topic), "topic", data.Topic(topic)), roadmapView, view),
                    topic.SourcePath, origins, ids: ids);

                var prefixed = Markdown(topic.Body, topic.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter,
                    idPrefix: topic.Slug, pageUrl: urls.Topic(topic), passedWithoutPrefix: body.PassedGuard);
                sections[topic.Index] = (view with { Html = prefixed.Html }, prefixed.Origins, prefixed.Ids);
            });
            roadmapPages.Add(Task.Run(() =>
            {
                var updated = data.Updated(roadmap);
                AddPage(new RoadmapPage(views.Chrome(roadmap.Name, roadmap.Summary, urls.Roadmap(roadmap), "roadmap", data.Roadmap(roadmap)), roadmapView),
                    roadmap.SourcePath, updated: updated);
                AddPage(new WholeRoadmapPage(views.Chrome($"The whole {roadmap.Name}", roadmap.Summary, urls.WholeRoadmap(roadmap), "all"),
                    roadmapView, sections.Select(s => s.Section).ToList()), roadmap.SourcePath, sections.SelectMany(s => s.Origins).ToList(), updated: updated,
                    ids: sections.SelectMany(s => s.Ids).ToList());
                output.Add(OutputFile.Text(urls.OutputPath(urls.RoadmapJson(roadmap)), RoadmapExport.Json(roadmap, urls, site.Config.Url)));
            }));
        }
        Task.WaitAll(roadmapPages);
        run.Report(diagnostics);

        foreach (var image in site.Images)
            output.Add(new OutputFile { Path = urls.OutputPath(urls.Image(image)), Content = image.Bytes, SourcePath = image.SourcePath });
        output.Add(OutputFile.Text(urls.OutputPath(urls.SearchIndex), SearchIndex.Json(site, urls, _reuse)));
        output.Add(OutputFile.Text(urls.OutputPath(urls.Sitemap), Sitemap.Xml(site.Config.Url, urls, output.Where(f => f.IsHtml && f.Path != Routes.NotFoundFile))));
        output.Add(OutputFile.Text(Routes.RobotsFile, Sitemap.Robots(site.Config.Url, urls)));
        output.Add(OutputFile.Text(Routes.NoJekyllFile, ""));
        output.Add(OutputFile.Text(urls.OutputPath(urls.Feed), Feed.Xml(site, urls)));
        AddOffline(output, worker, assets);
        return WithoutCollisions(output, diagnostics);
    }

    /// <summary>
    /// The web app manifest, each roadmap's offline list and, last, the service worker named by
    /// the hash of everything else: it is the one file that changes whenever anything does.
    /// </summary>
    private void AddOffline(ConcurrentBag<OutputFile> output, string? worker, Assets assets)
    {
        if (assets.Urls.TryGetValue(Assets.Key("favicon.svg"), out var icon))
            output.Add(OutputFile.Text(urls.OutputPath(urls.WebManifest), OfflineFiles.Manifest(site, urls, icon)));
        if (worker is null) return;
        var built = output.ToList();
        foreach (var roadmap in site.Roadmaps)
            output.Add(OutputFile.Text(urls.OutputPath(urls.OfflineList(roadmap)), OfflineFiles.List(roadmap, urls, built, site.Pages.Select(urls.Page))));
        output.Add(OutputFile.Text(urls.OutputPath(urls.ServiceWorker), OfflineFiles.Worker(worker, OfflineFiles.ContentHash(output.ToList()))));
    }

    /// <summary>
    /// A topic or page whose route is another output's (a topic slugged "all" is the whole-roadmap
    /// page's route) is an error at its file, never an overwrite; the generated output keeps the route.
    /// </summary>
    private IReadOnlyList<OutputFile> WithoutCollisions(IEnumerable<OutputFile> output, DiagnosticBag diagnostics)
    {
        var kept = new List<OutputFile>();
        foreach (var group in output.GroupBy(f => f.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var files = group.ToList();
            if (files.Count == 1) { kept.Add(files[0]); continue; }
            bool IsContent(OutputFile f) => f.SourcePath?.EndsWith(".md", StringComparison.Ordinal) == true;
            var owner = files.FirstOrDefault(f => !IsContent(f)) ?? files.OrderBy(f => f.SourcePath, StringComparer.Ordinal).First();
            kept.Add(owner);
            var route = "/" + Routes.RouteOf(group.Key);
            foreach (var clash in files.Where(f => f != owner && IsContent(f)))
                diagnostics.Error(Codes.RouteCollision, clash.SourcePath!, 0, 0,
                    $"this file's route '{route}' is also {Describe(owner)}; its file name is its URL, so rename the file (and its entry in roadmap.yml)");
        }
        return kept;
    }

    private static string Describe(OutputFile file) => file.Templates.FirstOrDefault() switch
    {
        { } t when t.EndsWith("all" + TemplateFolder.Extension, StringComparison.Ordinal) => "the whole-roadmap page",
        { } t when t.EndsWith("roadmap" + TemplateFolder.Extension, StringComparison.Ordinal) => "a roadmap's page",
        { } t when t.EndsWith("topics" + TemplateFolder.Extension, StringComparison.Ordinal) => "the A–Z list of topics",
        { } t when t.EndsWith("roadmaps" + TemplateFolder.Extension, StringComparison.Ordinal) => "the list of all roadmaps",
        { } t when t.EndsWith("home" + TemplateFolder.Extension, StringComparison.Ordinal) => "the home page",
        _ => file.SourcePath is { } source ? $"the page of {source}" : $"the generated file {file.Path}",
    };

    /// <param name="passedWithoutPrefix">Whether the same body rendered without the prefix passed the safety net untouched (see <see cref="MarkdownHtml"/>).</param>
    private RenderedMarkdown Markdown(MarkdownBody body, string sourcePath, Func<string, string?> urlOfSource,
        DiagnosticBag diagnostics, CodeHighlighter highlighter, string? idPrefix = null, string? pageUrl = null, bool passedWithoutPrefix = false)
    {
        var input = new MarkdownInput(body, sourcePath, idPrefix, pageUrl, urlOfSource);
        return _reuse.Markdown(input, diagnostics, own => MarkdownHtml.Render(input, own, highlighter, passedWithoutPrefix));
    }

    private IEnumerable<(MarkdownBody Body, string SourcePath)> Bodies()
    {
        if (site.Home is { } home) yield return (home.Body, home.SourcePath);
        foreach (var page in site.Pages) yield return (page.Body, page.SourcePath);
        foreach (var topic in site.Roadmaps.SelectMany(r => r.Topics))
        {
            yield return (topic.Body, topic.SourcePath);
            foreach (var question in topic.Questions) yield return (question.Answer, topic.SourcePath);
        }
    }

    /// <summary>The site is still right without colours, so a warning, at the first block that shows it.</summary>
    private void HighlightingUnavailable(string reason, DiagnosticBag diagnostics)
    {
        var (body, source, block) = Bodies()
            .SelectMany(b => b.Body.Document.Descendants<FencedCodeBlock>().Select(f => (b.Body, b.SourcePath, Block: f)))
            .First(b => CodeLanguages.Find(b.Block.Info) is not null);
        diagnostics.Warning(Codes.HighlightingUnavailable, source, FileSpan.Markdown(block, body.LineOffset),
            $"code blocks are written without highlighting: the highlighter's native library did not load ({reason}); "
            + "a published roadmapgen needs the libonigwrap file that publish puts beside it, so copy both");
    }

    /// <summary>Content file → page URL, for Markdown links written as links to files.</summary>
    private Dictionary<string, string> SourceUrls()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var topic in site.Roadmaps.SelectMany(r => r.Topics)) map[topic.File.FullPath] = urls.Topic(topic);
        foreach (var page in site.Pages) map[page.File.FullPath] = urls.Page(page);
        if (site.Home is { } home) map[home.File.FullPath] = urls.Home;
        foreach (var image in site.Images) map[image.File.FullPath] = urls.Image(image);
        return map;
    }
}
