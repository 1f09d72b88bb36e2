using System.Collections.Concurrent;
using Markdig.Renderers.Html;
using Markdig.Syntax;
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
    CodeHighlighter highlighter, RenderMemo? memo, TemplateEngine templates, Routes? sourceRoutes = null)
{
    public void Render(DiagnosticBag diagnostics)
    {
        var data = new StructuredData(site, urls);
        var siteUpdated = site.Changed.Values.DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var sourceUrls = SourceUrls();
        var translatedIds = TranslatedHeadingIds();
        // A translation's headings have their own ids: a section it has no id for (a link written
        // against the source's heading) is read in the source language, where it exists.
        string? LinkUrl(ContentLink link)
        {
            if (!sourceUrls.TryGetValue(link.TargetSourcePath, out var url)) return null;
            if (string.IsNullOrEmpty(link.Fragment)) return url;
            return translatedIds.TryGetValue(link.TargetSourcePath, out var ids) && !ids.Contains(link.Fragment) && sourceRoutes is not null
                ? urls.Translate(url, sourceRoutes) + "#" + link.Fragment
                : url + "#" + link.Fragment;
        }
        var language = site.Language?.Code ?? InterfaceStrings.SourceLanguage;
        string Words(string key, params (string, string)[] values) => templates.Strings.Text(language, key, diagnostics, values);

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
        if (site.Home is { } home) (intro, homeOrigins) = Markdown(home.Body, home.SourcePath, LinkUrl, diagnostics, highlighter);
        AddPage(new HomePage(views.Chrome(site.Config.Title, site.Config.Description, urls.Home, "home", data.Home()), views.Roadmaps, intro),
            site.Home?.SourcePath, homeOrigins, updated: siteUpdated);

        foreach (var page in site.Pages)
        {
            var (html, origins) = Markdown(page.Body, page.SourcePath, LinkUrl, diagnostics, highlighter);
            var (notice, contentLang) = views.Notice(page.Translation, urls.Page(page));
            AddPage(new ContentPage(views.Chrome(page.Title, page.Summary, urls.Page(page), "page"),
                new ContentView(page.Title, page.Summary, html, views.EditUrl(page.SourcePath)) { Notice = notice, ContentLang = contentLang }),
                page.SourcePath, origins);
        }

        // A static host serves one 404 page, at the top: the source language's.
        if (urls.Language is null)
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
                var (html, origins) = Markdown(topic.Body, topic.SourcePath, LinkUrl, diagnostics, highlighter, pageUrl: urls.Topic(topic));
                var questions = new List<QuestionView>(topic.Questions.Count);
                foreach (var question in topic.Questions)
                {
                    var (answer, answerOrigins) = Markdown(question.Answer, topic.SourcePath, LinkUrl, diagnostics, highlighter, pageUrl: urls.Topic(topic));
                    questions.Add(new QuestionView(QuestionText.Html(question.Text), answer));
                    origins.AddRange(answerOrigins);
                }
                var view = views.Topic(topic, html, topic.Slug, questions);
                AddPage(new TopicPage(views.Chrome(topic.Title, topic.Summary, urls.Topic(topic), "topic", data.Topic(topic)), roadmapView, view),
                    topic.SourcePath, origins);

                var (prefixed, prefixedOrigins) = Markdown(topic.Body, topic.SourcePath, LinkUrl, diagnostics, highlighter, idPrefix: topic.Slug, pageUrl: urls.Topic(topic));
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
        output.Add(OutputFile.Text(urls.OutputPath(urls.SearchIndex), SearchIndex.Json(site, urls, keepWords: memo is not null)));
        output.Add(OutputFile.Text(urls.OutputPath(urls.Feed), Feed.Xml(site, urls)));
    }

    private (TrustedHtml Html, List<LinkOrigin> Origins) Markdown(MarkdownBody body, string sourcePath, Func<ContentLink, string?> urlOf,
        DiagnosticBag diagnostics, CodeHighlighter highlighter, string? idPrefix = null, string? pageUrl = null) => memo is null
        ? MarkdownHtml.Render(body, sourcePath, urlOf, diagnostics, idPrefix, pageUrl, highlighter)
        : memo.Body(body, sourcePath, urlOf, diagnostics, idPrefix, pageUrl,
            own => MarkdownHtml.Render(body, sourcePath, urlOf, own, idPrefix, pageUrl, highlighter));

    /// <summary>The heading ids of each translated topic and page, by its file and its source's file.</summary>
    private Dictionary<string, HashSet<string>> TranslatedHeadingIds()
    {
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(MarkdownBody body, string displayPath, Translation? translation)
        {
            if (translation is null) return;
            var own = body.Document.Descendants<HeadingBlock>()
                .Select(h => h.TryGetAttributes()?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            ids[DisplayPath.Full(displayPath)] = own;
            ids[DisplayPath.Full(translation.SourcePath)] = own;
        }
        foreach (var topic in site.Roadmaps.SelectMany(r => r.Topics)) Add(topic.Body, topic.SourcePath, topic.Source.Translation);
        foreach (var page in site.Pages.Append(site.Home).OfType<Page>()) Add(page.Body, page.SourcePath, page.Translation);
        return ids;
    }

    /// <summary>
    /// Content file → this language's page URL, for Markdown links written as links to files. A
    /// translation's links name the source's files (see TranslationLoader), so a translated
    /// topic is reached by its source's path too.
    /// </summary>
    private Dictionary<string, string> SourceUrls()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string displayPath, Translation? translation, string url)
        {
            map[DisplayPath.Full(displayPath)] = url;
            if (translation is not null) map[DisplayPath.Full(translation.SourcePath)] = url;
        }
        foreach (var topic in site.Roadmaps.SelectMany(r => r.Topics)) Add(topic.SourcePath, topic.Source.Translation, urls.Topic(topic));
        foreach (var page in site.Pages) Add(page.SourcePath, page.Translation, urls.Page(page));
        if (site.Home is { } home) Add(home.SourcePath, home.Translation, urls.Home);
        foreach (var image in site.Images) map[DisplayPath.Full(image.SourcePath)] = urls.Image(image);
        return map;
    }
}
