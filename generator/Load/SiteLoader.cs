using System.Collections.Concurrent;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Load stage: reads content/ into a validated <see cref="Site"/>. Every problem becomes a
/// diagnostic; the result is null only when nothing usable could be read.
/// </summary>
public static class SiteLoader
{
    private static readonly string[] SiteFields = ["title", "description", "url", "repository", "branch", EditorialRules.Key, Languages.Key];

    public static Site? Load(string contentRoot, DiagnosticBag diagnostics, ILoadReuse? reuse = null)
    {
        reuse ??= ILoadReuse.None;
        var root = Path.GetFullPath(contentRoot);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(Codes.ContentFolderMissing, DisplayPath.Of(root), 0, 0,
                "the content folder does not exist (run from the repository root, or pass --content <folder>)");
            return null;
        }

        // git's history is an input like the files themselves: it runs beside all of the reading.
        var history = Task.Run(() => ChangeDates.History(root, reuse));
        var siteYml = Path.Combine(root, "site.yml");
        var config = LinkedFiles.StaysInside(root, siteYml, diagnostics) ? LoadConfig(siteYml, diagnostics) : null;
        var roadmapsRoot = Path.Combine(root, "roadmaps");
        var roadmapDirs = Directory.Exists(roadmapsRoot)
            ? Directory.GetDirectories(roadmapsRoot).Order(StringComparer.Ordinal).ToList()
            : [];
        if (roadmapDirs.Count == 0)
            diagnostics.Error(Codes.NoRoadmaps, DisplayPath.Of(roadmapsRoot), 0, 0,
                "no roadmap found (create roadmaps/<id>/roadmap.yml and roadmaps/<id>/topics/<slug>.md)");

        // Every content file is known before any body is parsed, so links between them resolve.
        var contentFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var pagesRoot = Path.Combine(root, "pages");
        var pageFiles = MarkdownFiles(root, pagesRoot, diagnostics);
        var topicFilesByRoadmap = roadmapDirs.ToDictionary(d => d, d => MarkdownFiles(root, Path.Combine(d, "topics"), diagnostics));
        foreach (var file in pageFiles.Concat(topicFilesByRoadmap.Values.SelectMany(f => f)))
            contentFiles[file] = DisplayPath.Of(file);
        var datedFiles = new Dictionary<string, string>(contentFiles, StringComparer.Ordinal);
        // Images beside the Markdown resolve like content files; an image added or removed
        // changes the set, so a preview parses again the bodies that may refer to it.
        foreach (var dir in roadmapDirs.Select(d => Path.Combine(d, "topics")).Prepend(pagesRoot))
            foreach (var image in ContentImages.In(root, dir, diagnostics))
                contentFiles[image] = DisplayPath.Of(image);
        reuse.BeginLoad(contentFiles.Keys);
        foreach (var file in roadmapDirs.Select(d => Path.Combine(d, "roadmap.yml")).Append(siteYml).Where(File.Exists).Concat(TranslationLoader.Files(root)))
            datedFiles[file] = DisplayPath.Of(file);
        var changed = history.ContinueWith(h => ChangeDates.Read(root, datedFiles, h.Result), TaskScheduler.Default);

        var topics = new ConcurrentDictionary<string, TopicSource>(StringComparer.Ordinal);
        Parallel.ForEach(topicFilesByRoadmap.Values.SelectMany(f => f), file =>
        {
            if (Read(file, (bytes, bag) => TopicReader.ReadTopic(SourceFile.In(root, file, contentFiles[file]), contentFiles, bag, bytes)) is { } topic) topics[file] = topic;
        });
        var pages = new ConcurrentBag<Page>();
        Parallel.ForEach(pageFiles, file =>
        {
            if (!CheckFileSlug(file, contentFiles[file], diagnostics)) return;
            if (Read(file, (bytes, bag) => TopicReader.ReadPage(SourceFile.In(root, file, contentFiles[file]), contentFiles, bag, bytes)) is { } page) pages.Add(page);
        });

        var roadmaps = new List<Roadmap>();
        foreach (var dir in roadmapDirs)
        {
            var roadmap = RoadmapReader.Read(dir, topicFilesByRoadmap[dir], topics, contentFiles, diagnostics);
            if (roadmap is not null) roadmaps.Add(roadmap);
        }
        var pageList = pages.OrderBy(p => p.Slug, StringComparer.Ordinal).ToList();
        CheckPageSlugsAgainstRoadmaps(pageList, roadmaps, diagnostics);
        if (config is null) return null;
        EditorialChecks.Run(config.Rules, roadmaps.SelectMany(r => r.Topics), config.SourcePath, diagnostics);
        CheckLanguagesAgainstRoutes(config, roadmaps, pageList, diagnostics);
        var site = new Site
        {
            Config = config,
            ContentRoot = root,
            Roadmaps = roadmaps,
            Pages = pageList.Where(p => p.Slug != "index").ToList(),
            Home = pageList.FirstOrDefault(p => p.Slug == "index"),
            Changed = changed.GetAwaiter().GetResult(),
        };
        if (config.Languages.Count == 0 && !Directory.Exists(Path.Combine(root, TranslationLoader.Folder)))
            return With(site, ReadImages(site.Bodies(), contentFiles, root, diagnostics), null, [], []);
        var (translations, states) = TranslationLoader.Load(site, contentFiles, history.GetAwaiter().GetResult(), diagnostics);
        // The translations' images are the source's (see TranslationLoader), read once for every language.
        var images = ReadImages(translations.Prepend(site).SelectMany(s => s.Bodies()), contentFiles, root, diagnostics);
        return With(site, images, config.Languages.FirstOrDefault(), translations.Select(t => With(t, images, t.Language, [], [])).ToList(), states);

        T? Read<T>(string file, Func<byte[]?, DiagnosticBag, T?> read) where T : class => reuse.Read(file, diagnostics, read);
    }

    private static Site With(Site site, IReadOnlyList<ContentImage> images, Language? language, IReadOnlyList<Site> translations, IReadOnlyList<TranslationState> states) => new()
    {
        Config = site.Config, ContentRoot = site.ContentRoot, Roadmaps = site.Roadmaps, Pages = site.Pages, Home = site.Home, Changed = site.Changed,
        Images = images, Language = language, Translations = translations, TranslationStates = states, ConfigTranslation = site.ConfigTranslation,
    };

    /// <summary>A language's pages live under its code, so no roadmap or page may take it.</summary>
    private static void CheckLanguagesAgainstRoutes(SiteConfig config, List<Roadmap> roadmaps, List<Page> pages, DiagnosticBag diagnostics)
    {
        foreach (var language in config.Languages.Skip(1))
        {
            if (roadmaps.FirstOrDefault(r => r.Id == language.Code) is { } roadmap)
                diagnostics.Error(Codes.RouteCollision, roadmap.SourcePath, 0, 0,
                    $"roadmap '{roadmap.Id}' has the URL of the language '{language.Code}' ({Routes.AtRoot.In(language.Code).Home}), where that language's pages are: rename the roadmap's folder");
            if (pages.FirstOrDefault(p => p.Slug == language.Code) is { } page)
                diagnostics.Error(Codes.RouteCollision, page.SourcePath, 0, 0,
                    $"page '{page.Slug}' has the URL of the language '{language.Code}' ({Routes.AtRoot.In(language.Code).Home}), where that language's pages are: rename the file");
        }
    }

    /// <summary>The images the bodies show, each read once however many bodies show it.</summary>
    private static List<ContentImage> ReadImages(IEnumerable<(MarkdownBody Body, string SourcePath)> bodies, Dictionary<string, string> contentFiles,
        string root, DiagnosticBag diagnostics) =>
        bodies.SelectMany(b => b.Body.ContentLinks.Where(l => l.Link.IsImage)
                .Select(l => (l.TargetSourcePath, Reference: new ImageReference(b.SourcePath, l.Link.Line + b.Body.LineOffset + 1, l.Link.Column + 1))))
            .GroupBy(i => i.TargetSourcePath, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ContentImages.Read(g.Key, contentFiles[g.Key], root,
                g.Select(i => i.Reference).OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Column).First(), diagnostics))
            .OfType<ContentImage>().ToList();

    internal static bool CheckFileSlug(string file, string display, DiagnosticBag diagnostics)
    {
        var slug = Path.GetFileNameWithoutExtension(file);
        if (Slug.IsValid(slug)) return true;
        diagnostics.Error(Codes.InvalidSlug, display, 0, 0,
            $"file name '{slug}' is not a lowercase-kebab slug (rename it to '{Slug.From(slug)}.md')");
        return false;
    }

    private static List<string> MarkdownFiles(string root, string dir, DiagnosticBag diagnostics) => Directory.Exists(dir)
        ? LinkedFiles.KeepInside(root, dir, Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal), diagnostics)
        : [];

    /// <summary>A page and a roadmap with one name, or either with a built-in page's name, would be written to the same URL.</summary>
    private static void CheckPageSlugsAgainstRoadmaps(List<Page> pages, List<Roadmap> roadmaps, DiagnosticBag diagnostics)
    {
        foreach (var roadmap in roadmaps.Where(r => Routes.ReservedPageSlugs.Contains(r.Id)))
            diagnostics.Error(Codes.RouteCollision, roadmap.SourcePath, 0, 0,
                $"roadmap '{roadmap.Id}' has the URL of a built-in page ({Routes.AtRoot.Roadmap(roadmap)}): its folder's name is its URL, so rename the folder");
        foreach (var page in pages)
        {
            if (roadmaps.Any(r => r.Id == page.Slug) || Routes.ReservedPageSlugs.Contains(page.Slug))
                diagnostics.Error(Codes.RouteCollision, page.SourcePath, 0, 0,
                    $"page '{page.Slug}' has the same URL as a roadmap or a built-in page (rename the file)");
        }
    }

    private static SiteConfig? LoadConfig(string path, DiagnosticBag diagnostics)
    {
        var display = DisplayPath.Of(path);
        if (!File.Exists(path))
        {
            diagnostics.Error(Codes.MissingField, display, 0, 0,
                "site.yml is missing (create it with 'title:' and 'description:')");
            return null;
        }
        var source = SourceText.Read(path, display, diagnostics);
        if (source is null) return null;
        var map = YamlMap.Parse(source.Text, display, 1, diagnostics, "site.yml");
        if (map is null) return null;
        var title = map.String("title", required: true, hint: "The site's name");
        var description = map.String("description", required: true, hint: "One sentence about the site");
        var url = map.String("url", required: false);
        var repository = map.String("repository", required: false);
        var branch = map.String("branch", required: false) ?? "main";
        var rules = EditorialRules.Read(map, diagnostics);
        var languages = Languages.Read(map, diagnostics);
        map.ReportUnknown(SiteFields);
        foreach (var (name, value) in new[] { ("url", url), ("repository", repository) })
        {
            if (value is not null && !UrlSafety.IsHttpUrl(value))
                diagnostics.Error(Codes.InvalidUrl, display, map.Line, map.Column,
                    $"'{name}' must be an absolute http(s) URL, not '{value}' (write it in full, starting with https://)");
        }
        if (title is null || description is null) return null;
        return new SiteConfig(title, description, url, repository, branch, display) { Rules = rules, Languages = languages };
    }
}
