using System.Collections.Concurrent;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>Render stage: the loaded site → every output file, in memory, rendered in parallel.</summary>
public sealed class SiteRenderer(Site site, TemplateEngine templates, UrlScheme urls)
{
    public IReadOnlyList<OutputFile> Render(DiagnosticBag diagnostics)
    {
        var assets = Assets.Load(templates.Root, urls);
        var views = new ViewModels(site, urls, assets);
        var sourceUrls = SourceUrls();
        var output = new ConcurrentBag<OutputFile>(assets.Files);

        void AddPage(string template, string url, string? source, Dictionary<string, object?> model, IReadOnlyList<LinkOrigin>? origins = null)
        {
            var html = templates.Render(template, model, diagnostics);
            if (html is null) return;
            output.Add(new OutputFile
            {
                Path = urls.OutputPath(url), Html = html,
                SourcePath = source, Templates = templates.SourcesFor("pages/" + template), Origins = origins ?? [],
            });
        }

        var homeModel = views.Base(site.Config.Title, site.Config.Description, urls.Home, "home");
        homeModel["roadmapsFull"] = site.Roadmaps.Select(views.Roadmap).ToList();
        List<LinkOrigin>? homeOrigins = null;
        if (site.Home is { } home)
        {
            var (html, origins) = MarkdownHtml.Render(home.Body, home.SourcePath, sourceUrls.GetValueOrDefault);
            homeModel["intro"] = html;
            homeOrigins = origins;
        }
        AddPage("home", urls.Home, site.Home?.SourcePath, homeModel, homeOrigins);

        foreach (var page in site.Pages)
        {
            var (html, origins) = MarkdownHtml.Render(page.Body, page.SourcePath, sourceUrls.GetValueOrDefault);
            var model = views.Base(page.Title, page.Summary, urls.Page(page), "page");
            model["content"] = new Dictionary<string, object?>
            {
                ["title"] = page.Title, ["summary"] = page.Summary, ["html"] = html, ["editUrl"] = views.EditUrl(page.SourcePath),
            };
            AddPage("page", urls.Page(page), page.SourcePath, model, origins);
        }

        var notFound = views.Base("Page not found", site.Config.Description, urls.Base + "404.html", "404");
        notFound["roadmapsFull"] = site.Roadmaps.Select(views.Roadmap).ToList();
        output.Add(RenderedAs("404", "404.html", notFound));

        var topicIndex = views.Base("All topics A–Z", "Every topic of every roadmap, in alphabetical order.", urls.TopicIndex, "topics");
        topicIndex["letters"] = site.Roadmaps.SelectMany(r => r.Topics)
            .OrderBy(t => t.Title, StringComparer.OrdinalIgnoreCase)
            .GroupBy(t => char.ToUpperInvariant(t.Title[0]))
            .Select(g => new Dictionary<string, object?>
            {
                ["letter"] = g.Key.ToString(), ["id"] = "letter-" + char.ToLowerInvariant(g.Key),
                ["topics"] = g.Select(t => { var m = views.TopicLink(t); m["roadmap"] = t.Roadmap.Title; return m; }).ToList(),
            }).ToList();
        AddPage("topics", urls.TopicIndex, null, topicIndex);

        foreach (var roadmap in site.Roadmaps)
        {
            // One view of the roadmap serves all its pages: building it per topic made rendering quadratic.
            var roadmapView = views.Roadmap(roadmap);
            var model = views.Base(roadmap.Title + " roadmap", roadmap.Summary, urls.Roadmap(roadmap), "roadmap");
            model["roadmap"] = roadmapView;
            AddPage("roadmap", urls.Roadmap(roadmap), roadmap.SourcePath, model);

            var whole = new ConcurrentDictionary<int, (Dictionary<string, object?> Section, List<LinkOrigin> Origins)>();
            Parallel.ForEach(roadmap.Topics, topic =>
            {
                var (html, origins) = MarkdownHtml.Render(topic.Body, topic.SourcePath, sourceUrls.GetValueOrDefault);
                var topicModel = views.Base(topic.Title, topic.Summary, urls.Topic(topic), "topic");
                topicModel["roadmap"] = roadmapView;
                topicModel["topic"] = views.Topic(topic, html);
                AddPage("topic", urls.Topic(topic), topic.SourcePath, topicModel, origins);

                var section = views.Topic(topic, RenderWithPrefixedIds(topic));
                section["anchor"] = topic.Slug;
                whole[topic.Index] = (section, origins);
            });
            var all = views.Base($"The whole {roadmap.Title} roadmap", roadmap.Summary, urls.WholeRoadmap(roadmap), "all");
            all["roadmap"] = roadmapView;
            var sections = whole.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToList();
            all["topics"] = sections.Select(s => s.Section).ToList();
            AddPage("all", urls.WholeRoadmap(roadmap), roadmap.SourcePath, all, sections.SelectMany(s => s.Origins).ToList());
            output.Add(OutputFile.Text(urls.OutputPath(urls.RoadmapJson(roadmap)), RoadmapExport.Json(roadmap, urls, site.Config.Url)));
        }

        output.Add(OutputFile.Text("search-index.json", SearchIndex.Json(site, urls)));
        output.Add(OutputFile.Text("sitemap.xml", Sitemap.Xml(site.Config.Url, urls, output.Where(f => f.IsHtml && f.Path != "404.html"))));
        output.Add(OutputFile.Text("robots.txt", Sitemap.Robots(site.Config.Url, urls)));
        output.Add(OutputFile.Text(".nojekyll", ""));
        return output.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

        OutputFile RenderedAs(string template, string path, Dictionary<string, object?> model)
        {
            var html = templates.Render(template, model, diagnostics) ?? "";
            return new OutputFile
            {
                Path = path, Html = html,
                Templates = templates.SourcesFor("pages/" + template),
            };
        }
    }

    /// <summary>Content file → page URL, for Markdown links written as links to files.</summary>
    private Dictionary<string, string> SourceUrls()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var topic in site.Roadmaps.SelectMany(r => r.Topics)) map[DisplayPath.Full(topic.SourcePath)] = urls.Topic(topic);
        foreach (var page in site.Pages) map[DisplayPath.Full(page.SourcePath)] = urls.Page(page);
        if (site.Home is { } home) map[DisplayPath.Full(home.SourcePath)] = urls.Home;
        return map;
    }

    /// <summary>
    /// On the whole-roadmap page every topic shares one document, so heading ids ("key-ideas")
    /// are prefixed with the topic slug to stay unique; the topic's own page keeps the plain ids.
    /// </summary>
    private static string RenderWithPrefixedIds(Topic topic)
    {
        var headings = topic.Body.Document.Descendants<HeadingBlock>().ToList();
        var original = headings.Select(h => h.GetAttributes().Id).ToList();
        var links = topic.Body.Document.Descendants<Markdig.Syntax.Inlines.LinkInline>()
            .Where(l => l.Url?.StartsWith('#') == true).ToList();
        var originalUrls = links.Select(l => l.Url).ToList();
        try
        {
            foreach (var heading in headings)
            {
                var attributes = heading.GetAttributes();
                if (attributes.Id is { } id) attributes.Id = topic.Slug + "--" + id;
            }
            foreach (var link in links) link.Url = "#" + topic.Slug + "--" + link.Url![1..];
            return topic.Body.Document.ToHtml(MarkdownParser.Pipeline);
        }
        finally
        {
            for (var i = 0; i < headings.Count; i++) headings[i].GetAttributes().Id = original[i];
            for (var i = 0; i < links.Count; i++) links[i].Url = originalUrls[i];
        }
    }
}
