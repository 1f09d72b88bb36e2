using System.Collections.Concurrent;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render.Highlighting;
using RoadmapGen.Render.Previews;
using RoadmapGen.Render.Strings;
using RoadmapGen.Render.Templates;
using RoadmapGen.Render.Views;

namespace RoadmapGen.Render;

/// <summary>
/// The pages and per-language files of the site in one language (a one-language site has one
/// edition): home, pages, A–Z, every roadmap's pages, topics and export, the search index and
/// the feed, at that language's routes. What all languages share is <see cref="SiteRenderer"/>'s.
/// </summary>
/// <param name="sourceRoutes">The source language's routes, on a site in several languages.</param>
internal sealed class EditionRenderer(Site site, Routes urls, SiteViews views, TemplateRun run, ConcurrentBag<OutputFile> output,
    CodeHighlighter highlighter, IRenderReuse reuse, TemplateEngine templates, Routes? sourceRoutes = null)
{
    /// <summary>The output paths of the only pages to render (see <see cref="SiteRenderer.RenderFirst"/>); null: everything.</summary>
    public Func<string, bool>? Only { get; init; }

    /// <summary>Stops the render between pages (see <see cref="SiteRenderer.Render(DiagnosticBag, CancellationToken)"/>).</summary>
    public CancellationToken Cancel { get; init; }

    private bool Wants(string path) => Only is null || Only(path);

    private bool WantsPageAt(string url) => Wants(urls.OutputPath(url));

    public void Render(DiagnosticBag diagnostics)
    {
        var data = new StructuredData(site, urls);
        var siteUpdated = site.Changed.Values.DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var (sourceUrls, translations) = SourceUrls();
        // A translation whose headings differ from its source's lacks some of their ids (Load
        // records which): a link written to such a section is read in the source language, where the section exists.
        string? LinkUrl(ContentLink link)
        {
            if (!sourceUrls.TryGetValue(link.TargetSourcePath, out var url)) return null;
            if (string.IsNullOrEmpty(link.Fragment)) return url;
            var lacking = sourceRoutes is not null && translations.TryGetValue(link.TargetSourcePath, out var translation)
                && translation.MissingSourceIds.Contains(link.Fragment);
            return Routes.WithFragment(lacking ? urls.Translate(url, sourceRoutes!) : url, link.Fragment);
        }
        var language = site.Language?.Code ?? InterfaceStrings.SourceLanguage;
        string Words(string key, params (string, string)[] values) => templates.Strings.Text(language, key, diagnostics, values);

        void AddPage(PageModel model, string? source, IReadOnlyList<LinkOrigin>? origins = null, string? path = null, DateTimeOffset? updated = null,
            IReadOnlyList<IdOrigin>? ids = null)
        {
            path ??= urls.OutputPath(model.Chrome.Page.Url);
            if (!Wants(path)) return;
            var rendered = run.Render(model, path);
            if (rendered is null) return;
            output.Add(new OutputFile
            {
                Path = path, HtmlUtf8 = rendered.Html, Sources = rendered.Sources,
                SourcePath = source, Templates = templates.SourcesFor("pages/" + model.Template), Origins = origins ?? [], IdOrigins = ids ?? [],
                Updated = updated ?? (source is null ? siteUpdated : site.ChangedAt(source)),
            });
        }

        // The pages serve does not want first are skipped before their models are made.
        if (WantsPageAt(urls.Home))
        {
            var intro = site.Home is { } home ? Markdown(home.Body, home.SourcePath, sourceUrls.GetValueOrDefault, LinkUrl, diagnostics) : null;
            AddPage(new HomePage(views.Chrome(site.Config.Title, site.Config.Description, urls.Home, "home", data.Home()), views.Roadmaps, intro?.Html),
                site.Home?.SourcePath, intro?.Origins, updated: siteUpdated, ids: intro?.Ids);
        }

        foreach (var page in site.Pages.Where(p => WantsPageAt(urls.Page(p))))
        {
            var body = Markdown(page.Body, page.SourcePath, sourceUrls.GetValueOrDefault, LinkUrl, diagnostics);
            var (notice, contentLang) = views.Notice(page.Translation, urls.Page(page));
            AddPage(new ContentPage(views.Chrome(page.Title, page.Summary, urls.Page(page), "page"),
                new ContentView(page.Title, page.Summary, body.Html, views.EditUrl(page.File)) { Notice = notice, ContentLang = contentLang }),
                page.SourcePath, body.Origins, ids: body.Ids);
        }

        // A static host serves one 404 page, at the top: the source language's.
        if (urls.Language is null)
            AddPage(new NotFoundPage(views.Chrome(Words("title.not_found"), site.Config.Description, urls.NotFound, "404"), views.Roadmaps),
                null, path: Routes.NotFoundFile);

        // Each language's own, so a reader offline is told so in the language of the page they asked for.
        if (views.Offline)
            AddPage(new NotSavedPage(views.Chrome(Words("title.not_saved"), Words("not_saved.lead"), urls.OfflinePage, "offline"), views.Roadmaps), null);

        if (SiteViews.HasRoadmapIndex(site))
            AddPage(new RoadmapIndexPage(views.Chrome(Words("title.roadmap_index"),
                Words("description.roadmap_index", ("count", site.Roadmaps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("site", site.Config.Title)),
                urls.RoadmapIndex, "roadmaps"), views.Roadmaps), null);

        var letters = views.Letters();
        var splitIndex = SiteScale.SplitsTopicIndex(site);
        AddPage(new TopicIndexPage(views.Chrome(Words("title.topic_index"), Words("description.topic_index"), urls.TopicIndex, "topics"),
            letters, splitIndex), null);
        if (splitIndex)
            foreach (var letter in letters)
                AddPage(new TopicLetterPage(views.Chrome(Words("title.topic_letter", ("letter", letter.Letter)), Words("description.topic_index"), letter.Href, "topics"),
                    letters, letter), null);

        // A roadmap's whole-roadmap page (its biggest) renders on its own task while the next
        // roadmap's topics render, rather than after them with one core idle; only the
        // sections of the roadmaps in flight are held in memory.
        var roadmapPages = new List<Task>();
        foreach (var roadmap in site.Roadmaps)
        {
            // Stopped (a newer save): no page is started after this, and the pages under way finish
            // before the render throws, so none of its work runs on into the next render.
            if (Cancel.IsCancellationRequested) break;
            var wantsWhole = WantsPageAt(urls.WholeRoadmap(roadmap));
            if (Only is not null && !wantsWhole && !WantsPageAt(urls.Roadmap(roadmap)) && !roadmap.Topics.Any(t => WantsPageAt(urls.Topic(t)))) continue;
            var roadmapView = views.Roadmap(roadmap);
            var sections = new (TopicView Section, List<LinkOrigin> Origins, IReadOnlyList<IdOrigin> Ids)[roadmap.Topics.Count];
            Parallel.ForEach(roadmap.Topics, (topic, loop) =>
            {
                if (Cancel.IsCancellationRequested)
                {
                    loop.Stop();
                    return;
                }
                if (!wantsWhole && !WantsPageAt(urls.Topic(topic))) return;
                var body = Markdown(topic.Body, topic.SourcePath, sourceUrls.GetValueOrDefault, LinkUrl, diagnostics, pageUrl: urls.Topic(topic));
                var (html, origins, ids) = (body.Html, new List<LinkOrigin>(body.Origins), new List<IdOrigin>(body.Ids));
                var questions = new List<QuestionView>(topic.Questions.Count);
                foreach (var question in topic.Questions)
                {
                    var answer = Markdown(question.Answer, topic.SourcePath, sourceUrls.GetValueOrDefault, LinkUrl, diagnostics, pageUrl: urls.Topic(topic));
                    questions.Add(new QuestionView(QuestionText.Html(question.Text), answer.Html));
                    origins.AddRange(answer.Origins);
                    ids.AddRange(answer.Ids);
                }
                var view = views.Topic(topic, html, topic.Slug, questions);
                AddPage(new TopicPage(views.Chrome(topic.Title, topic.Summary, urls.Topic(topic), "topic", data.Topic(topic)), roadmapView, view),
                    topic.SourcePath, origins, ids: ids);

                var prefixed = Markdown(topic.Body, topic.SourcePath, sourceUrls.GetValueOrDefault, LinkUrl, diagnostics,
                    idPrefix: topic.Slug, pageUrl: urls.Topic(topic), passedWithoutPrefix: body.PassedGuard);
                sections[topic.Index] = (view with { Html = prefixed.Html }, prefixed.Origins, prefixed.Ids);
            });
            // Its sections may be missing: its whole-roadmap page is not started.
            if (Cancel.IsCancellationRequested) break;
            roadmapPages.Add(Task.Run(() =>
            {
                if (Cancel.IsCancellationRequested) return;
                var updated = data.Updated(roadmap);
                AddPage(new RoadmapPage(views.Chrome(roadmap.Name, roadmap.Summary, urls.Roadmap(roadmap), "roadmap", data.Roadmap(roadmap)), roadmapView),
                    roadmap.SourcePath, updated: updated);
                if (wantsWhole && !Cancel.IsCancellationRequested)
                    AddPage(new WholeRoadmapPage(views.Chrome(Words("title.whole_roadmap", ("roadmap", roadmap.Name)), roadmap.Summary, urls.WholeRoadmap(roadmap), "all"),
                        roadmapView, sections.Select(s => s.Section).ToList()), roadmap.SourcePath, sections.SelectMany(s => s.Origins).ToList(), updated: updated,
                        ids: sections.SelectMany(s => s.Ids).ToList());
                if (Only is null) output.Add(new OutputFile { Path = urls.OutputPath(urls.RoadmapJson(roadmap)), Content = RoadmapExport.Utf8(roadmap, urls, site.Config.Url) });
            }));
        }
        Task.WaitAll(roadmapPages);
        Cancel.ThrowIfCancellationRequested();
        if (Only is not null) return;
        foreach (var (path, json) in SearchIndex.Files(site, urls, reuse)) output.Add(new OutputFile { Path = path, Content = json });
        output.Add(OutputFile.Text(urls.OutputPath(urls.Feed), Feed.Xml(site, urls)));
    }

    /// <param name="passedWithoutPrefix">Whether the same body rendered without the prefix passed the safety net untouched (see <see cref="MarkdownHtml"/>).</param>
    private RenderedMarkdown Markdown(MarkdownBody body, string sourcePath, Func<string, string?> urlOfSource, Func<ContentLink, string?> linkUrl,
        DiagnosticBag diagnostics, string? idPrefix = null, string? pageUrl = null, bool passedWithoutPrefix = false)
    {
        var input = new MarkdownInput(body, sourcePath, idPrefix, pageUrl, urlOfSource) { LinkUrl = linkUrl };
        return reuse.Markdown(input, diagnostics, own => MarkdownHtml.Render(input, own, highlighter, passedWithoutPrefix, reuse));
    }

    /// <summary>
    /// Content file → this language's page URL, for Markdown links written as links to files. A
    /// translation's links name the source's files (see TranslationLoader), so a translated
    /// topic is reached by its source's path too; by both, the translation it is reached in.
    /// </summary>
    private (Dictionary<string, string> Urls, Dictionary<string, Translation> Translations) SourceUrls()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var translations = new Dictionary<string, Translation>(StringComparer.Ordinal);
        void Add(SourceFile file, Translation? translation, string url)
        {
            map[file.FullPath] = url;
            if (translation is null) return;
            map[translation.SourceFullPath] = url;
            translations[file.FullPath] = translation;
            translations[translation.SourceFullPath] = translation;
        }
        foreach (var topic in site.Roadmaps.SelectMany(r => r.Topics)) Add(topic.File, topic.Source.Translation, urls.Topic(topic));
        foreach (var page in site.Pages) Add(page.File, page.Translation, urls.Page(page));
        if (site.Home is { } home) Add(home.File, home.Translation, urls.Home);
        foreach (var image in site.Images) map[image.File.FullPath] = urls.Image(image);
        return (map, translations);
    }
}
