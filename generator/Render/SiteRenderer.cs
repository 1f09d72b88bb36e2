using System.Collections.Concurrent;
using Markdig.Syntax;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render.Highlighting;
using RoadmapGen.Render.Offline;
using RoadmapGen.Render.Previews;
using RoadmapGen.Render.Strings;
using RoadmapGen.Render.Templates;
using RoadmapGen.Render.Views;

namespace RoadmapGen.Render;

/// <summary>
/// Render stage: the loaded site → every output file, in memory, rendered in parallel. Reads
/// the site and never writes to it: view models are derived from it, and Markdown is rendered
/// from the loaded documents as they are.
/// </summary>
/// <param name="memo">serve's memo of the last render; a build passes none and renders everything.</param>
public sealed class SiteRenderer(Site site, TemplateEngine templates, Routes urls, RenderMemo? memo = null)
{
    /// <summary>The language of the pages this renders: the words of the titles the generator sets (templates read PageMeta.Lang).</summary>
    private const string Language = InterfaceStrings.SourceLanguage;

    public IReadOnlyList<OutputFile> Render(DiagnosticBag diagnostics)
    {
        var assets = Assets.Load(templates.Root, urls, diagnostics);
        var worker = OfflineFiles.ReadWorker(templates.Root, diagnostics);
        var views = new SiteViews(site, urls, assets, offline: worker is not null);
        var data = new StructuredData(site, urls);
        var siteUpdated = site.Changed.Values.DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var sourceUrls = SourceUrls();
        string Words(string key, params (string, string)[] values) => templates.Strings.Text(Language, key, diagnostics, values);
        var run = templates.BeginRun(site.Roadmaps.Sum(r => r.Topics.Count), memo);
        var output = new ConcurrentBag<OutputFile>(assets.Files);
        var highlighter = new CodeHighlighter();
        highlighter.Prepare(Bodies().SelectMany(b => b.Body.Document.Descendants<FencedCodeBlock>()));
        if (CodeHighlighter.Unavailable is { } reason) HighlightingUnavailable(reason, diagnostics);

        void AddPage(PageModel model, string? source, IReadOnlyList<LinkOrigin>? origins = null, string? path = null, DateTimeOffset? updated = null)
        {
            path ??= urls.OutputPath(model.Chrome.Page.Url);
            var html = run.Render(model, path);
            if (html is null) return;
            output.Add(new OutputFile
            {
                Path = path, HtmlUtf8 = html,
                SourcePath = source, Templates = templates.SourcesFor("pages/" + model.Template), Origins = origins ?? [],
                Updated = updated ?? (source is null ? siteUpdated : site.ChangedAt(source)),
            });
        }

        TrustedHtml? intro = null;
        List<LinkOrigin>? homeOrigins = null;
        if (site.Home is { } home) (intro, homeOrigins) = Markdown(home.Body, home.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter);
        AddPage(new HomePage(views.Chrome(site.Config.Title, site.Config.Description, urls.Home, "home", data.Home()), views.Roadmaps, intro),
            site.Home?.SourcePath, homeOrigins, updated: siteUpdated);

        foreach (var page in site.Pages)
        {
            var (html, origins) = Markdown(page.Body, page.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter);
            AddPage(new ContentPage(views.Chrome(page.Title, page.Summary, urls.Page(page), "page"),
                new ContentView(page.Title, page.Summary, html, views.EditUrl(page.SourcePath))), page.SourcePath, origins);
        }

        AddPage(new NotFoundPage(views.Chrome(Words("title.not_found"), site.Config.Description, urls.NotFound, "404"), views.Roadmaps),
            null, path: Routes.NotFoundFile);

        AddPage(new TopicIndexPage(views.Chrome(Words("title.topic_index"), Words("description.topic_index"), urls.TopicIndex, "topics"),
            views.Letters()), null);

        // A roadmap's whole-roadmap page (its biggest) renders on its own task while the next
        // roadmap's topics render, rather than after them with one core idle; only the
        // sections of the roadmaps in flight are held in memory.
        var roadmapPages = new List<Task>();
        foreach (var roadmap in site.Roadmaps)
        {
            var roadmapView = views.Roadmap(roadmap);
            var sections = new (TopicView Section, List<LinkOrigin> Origins)[roadmap.Topics.Count];
            Parallel.ForEach(roadmap.Topics, topic =>
            {
                var (html, origins) = Markdown(topic.Body, topic.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter, pageUrl: urls.Topic(topic));
                var questions = new List<QuestionView>(topic.Questions.Count);
                foreach (var question in topic.Questions)
                {
                    var (answer, answerOrigins) = Markdown(question.Answer, topic.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter, pageUrl: urls.Topic(topic));
                    questions.Add(new QuestionView(QuestionText.Html(question.Text), answer));
                    origins.AddRange(answerOrigins);
                }
                var view = views.Topic(topic, html, topic.Slug, questions);
                AddPage(new TopicPage(views.Chrome(topic.Title, topic.Summary, urls.Topic(topic), "topic", data.Topic(topic)), roadmapView, view),
                    topic.SourcePath, origins);

                var (prefixed, prefixedOrigins) = Markdown(topic.Body, topic.SourcePath, sourceUrls.GetValueOrDefault, diagnostics, highlighter, idPrefix: topic.Slug, pageUrl: urls.Topic(topic));
                sections[topic.Index] = (view with { Html = prefixed }, prefixedOrigins);
            });
            roadmapPages.Add(Task.Run(() =>
            {
                var updated = data.Updated(roadmap);
                AddPage(new RoadmapPage(views.Chrome(roadmap.Name, roadmap.Summary, urls.Roadmap(roadmap), "roadmap", data.Roadmap(roadmap)), roadmapView),
                    roadmap.SourcePath, updated: updated);
                AddPage(new WholeRoadmapPage(views.Chrome(Words("title.whole_roadmap", ("roadmap", roadmap.Name)), roadmap.Summary, urls.WholeRoadmap(roadmap), "all"),
                    roadmapView, sections.Select(s => s.Section).ToList()), roadmap.SourcePath, sections.SelectMany(s => s.Origins).ToList(), updated: updated);
                output.Add(OutputFile.Text(urls.OutputPath(urls.RoadmapJson(roadmap)), RoadmapExport.Json(roadmap, urls, site.Config.Url)));
            }));
        }
        Task.WaitAll(roadmapPages);
        run.Report(diagnostics);

        foreach (var image in site.Images)
            output.Add(new OutputFile { Path = urls.OutputPath(urls.Image(image)), Content = image.Bytes, SourcePath = image.SourcePath });
        output.Add(OutputFile.Text(urls.OutputPath(urls.SearchIndex), SearchIndex.Json(site, urls, keepWords: memo is not null)));
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
        { } t when t.EndsWith("home" + TemplateFolder.Extension, StringComparison.Ordinal) => "the home page",
        _ => file.SourcePath is { } source ? $"the page of {source}" : $"the generated file {file.Path}",
    };

    private (TrustedHtml Html, List<LinkOrigin> Origins) Markdown(MarkdownBody body, string sourcePath, Func<string, string?> urlOfSource,
        DiagnosticBag diagnostics, CodeHighlighter highlighter, string? idPrefix = null, string? pageUrl = null) => memo is null
        ? MarkdownHtml.Render(body, sourcePath, urlOfSource, diagnostics, idPrefix, pageUrl, highlighter)
        : memo.Body(body, sourcePath, urlOfSource, diagnostics, idPrefix, pageUrl,
            own => MarkdownHtml.Render(body, sourcePath, urlOfSource, own, idPrefix, pageUrl, highlighter));

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
        foreach (var topic in site.Roadmaps.SelectMany(r => r.Topics)) map[DisplayPath.Full(topic.SourcePath)] = urls.Topic(topic);
        foreach (var page in site.Pages) map[DisplayPath.Full(page.SourcePath)] = urls.Page(page);
        if (site.Home is { } home) map[DisplayPath.Full(home.SourcePath)] = urls.Home;
        foreach (var image in site.Images) map[DisplayPath.Full(image.SourcePath)] = urls.Image(image);
        return map;
    }
}
