using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Reads content/translations/&lt;code&gt;/ (a tree mirroring content/) into the site in each other
/// language: the source's structure, with the words each translation gives and the source's where
/// there is none. A file that translates nothing, a folder of no language and a source-commit git
/// does not know are errors at their file; a translation behind its source is a warning.
/// </summary>
public static class TranslationLoader
{
    public const string Folder = "translations";

    /// <summary>Every file under content/translations/, so their change dates are read with the rest.</summary>
    public static IEnumerable<string> Files(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, Folder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
    }

    private sealed record Read(Language Language, TranslatedFile File);

    /// <param name="source">The site in its source language, as loaded.</param>
    /// <param name="contentFiles">The source's content files (full path → display path).</param>
    public static (IReadOnlyList<Site> Sites, IReadOnlyList<TranslationState> States) Load(Site source, IReadOnlyDictionary<string, string> contentFiles,
        GitHistory history, DiagnosticBag diagnostics)
    {
        var root = source.ContentRoot;
        var languages = source.Config.Languages;
        var translated = languages.Skip(1).ToList();
        var folder = Path.Combine(root, Folder);
        var read = new List<Read>();
        if (Directory.Exists(folder))
        {
            foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
            {
                var code = Path.GetFileName(dir);
                if (translated.FirstOrDefault(l => l.Code == code) is not { } language)
                {
                    UnknownLanguage(code, dir, languages, source.Config.SourcePath, diagnostics);
                    continue;
                }
                read.AddRange(ReadLanguage(source, language, dir, contentFiles, diagnostics).Select(f => new Read(language, f)));
            }
            foreach (var stray in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
                diagnostics.Error(Codes.UnknownLanguageFolder, DisplayPath.Of(stray), 0, 0,
                    $"content/{Folder}/ holds one folder per language ({string.Join(", ", translated.Select(l => l.Code + "/"))}); move this file into its language's folder");
        }
        var status = Staleness.Check(root, read.Select(r => (r.File, r.Language)).ToList(), history, diagnostics);
        var sites = translated.Select(l => Localize(source, l, read.Where(r => r.Language == l).Select(r => (r.File, status[r.File])).ToList())).ToList();
        return (sites, States(source, translated, sites));
    }

    private static void UnknownLanguage(string code, string dir, IReadOnlyList<Language> languages, string siteYml, DiagnosticBag diagnostics)
    {
        var known = languages.Skip(1).Select(l => l.Code).ToList();
        var fix = languages.Count > 0 && languages[0].Code == code
            ? $"'{code}' is the source language, whose text is content/ itself: move these files there, or remove the folder"
            : $"add '- {{ code: {code}, name: <its name in itself>, dir: ltr }}' to 'languages:' in {siteYml}"
              + (DidYouMean.Suggest(code, known) is { } near ? $", or did you mean '{near}'?" : "");
        diagnostics.Error(Codes.UnknownLanguageFolder, DisplayPath.Of(dir), 0, 0, $"'{code}' is not a language of this site ({fix})");
    }

    /// <summary>The files of one language's folder, each matched with the source file it translates.</summary>
    private static List<TranslatedFile> ReadLanguage(Site source, Language language, string dir, IReadOnlyDictionary<string, string> contentFiles, DiagnosticBag diagnostics)
    {
        var root = source.ContentRoot;
        var files = LinkedFiles.KeepInside(root, dir, Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal), diagnostics);
        // A link beside a translation ("caching.md", "flow.svg") means the source's file, translated or not.
        var aliases = contentFiles.Keys.ToDictionary(k => Path.Combine(dir, Path.GetRelativePath(root, k)), k => k, StringComparer.Ordinal);
        var known = new Dictionary<string, string>(contentFiles, StringComparer.Ordinal);
        foreach (var file in files) known[file] = DisplayPath.Of(file);
        var topics = source.Roadmaps.SelectMany(r => r.Topics).ToDictionary(t => t.File.FullPath, t => t, StringComparer.Ordinal);
        var pages = source.Pages.Append(source.Home).OfType<Page>().ToDictionary(p => p.File.FullPath, p => p, StringComparer.Ordinal);
        var roadmaps = source.Roadmaps.ToDictionary(r => RoadmapFile(root, r), r => r, StringComparer.Ordinal);
        var siteYml = Path.Combine(root, "site.yml");
        var result = new List<TranslatedFile>();
        foreach (var file in files)
        {
            var sourceFile = Path.GetFullPath(Path.Combine(root, Path.GetRelativePath(dir, file)));
            var display = known[file];
            var one = sourceFile switch
            {
                _ when topics.TryGetValue(sourceFile, out var topic) => TranslationReader.Topic(file, topic.Source, sourceFile, known, aliases, diagnostics),
                _ when pages.TryGetValue(sourceFile, out var page) => TranslationReader.Page(file, page, sourceFile, known, aliases, diagnostics),
                _ when roadmaps.TryGetValue(sourceFile, out var roadmap) => TranslationReader.Roadmap(file, roadmap, sourceFile, diagnostics),
                _ when sourceFile == siteYml => TranslationReader.Site(file, sourceFile, diagnostics),
                _ => Unmatched(display, sourceFile, root, known.Keys.Where(k => !Path.GetRelativePath(root, k).StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)), diagnostics),
            };
            if (one is not null) result.Add(one);
        }
        return result;
    }

    private static TranslatedFile? Unmatched(string display, string sourceFile, string root, IEnumerable<string> sources, DiagnosticBag diagnostics)
    {
        var relative = Path.GetRelativePath(root, sourceFile).Replace('\\', '/');
        var message = ContentImages.IsImage(sourceFile)
            ? "images are not translated: a translation shows the source's image by the same name (remove this file, and put the image beside the source)"
            : $"this file translates content/{relative}, which does not exist" + (DidYouMean.Suggest(Path.GetFileName(relative),
                sources.Where(s => Path.GetDirectoryName(s) == Path.GetDirectoryName(sourceFile)).Select(Path.GetFileName).OfType<string>()) is { } near
                ? $" (did you mean '{near}'? a translation has its source's file name)"
                : " (a translation has its source's path under its language's folder: site.yml, pages/<slug>.md, roadmaps/<id>/roadmap.yml, roadmaps/<id>/topics/<slug>.md)");
        diagnostics.Error(Codes.TranslationWithoutSource, display, 0, 0, message);
        return null;
    }

    /// <summary>The site in <paramref name="language"/>: every page of the source, translated where a translation exists.</summary>
    private static Site Localize(Site source, Language language, IReadOnlyList<(TranslatedFile File, Translation Status)> files)
    {
        var bySource = files.ToDictionary(f => f.File.SourceFullPath, f => f, StringComparer.Ordinal);
        var roadmaps = source.Roadmaps.Select(roadmap =>
        {
            var topics = new Dictionary<string, TopicSource>(StringComparer.Ordinal);
            foreach (var topic in roadmap.Topics)
                if (bySource.TryGetValue(topic.File.FullPath, out var t) && t.File.Value is TopicSource text)
                    topics[topic.Slug] = With(text, t.Status);
            var words = bySource.GetValueOrDefault(RoadmapFile(source.ContentRoot, roadmap));
            return RoadmapDrafts.Translate(roadmap, words.File?.Value as RoadmapWords, words.Status, topics);
        }).ToList();
        Page Translate(Page page) => bySource.TryGetValue(page.File.FullPath, out var p) && p.File.Value is Page text
            ? new Page { Slug = text.Slug, Title = text.Title, Summary = text.Summary, File = text.File, Body = text.Body, Translation = p.Status }
            : page;
        var config = source.Config;
        var siteWords = bySource.GetValueOrDefault(Path.Combine(source.ContentRoot, "site.yml"));
        if (siteWords.File?.Value is SiteWords words)
            config = config with { Title = words.Title ?? config.Title, Description = words.Description ?? config.Description };
        return new Site
        {
            Config = config, ContentRoot = source.ContentRoot, Roadmaps = roadmaps,
            Pages = source.Pages.Select(Translate).ToList(), Home = source.Home is { } home ? Translate(home) : null,
            Images = source.Images, Changed = source.Changed, Language = language, ConfigTranslation = siteWords.Status,
        };
    }

    /// <summary>Where a roadmap's roadmap.yml is: its folder is its id.</summary>
    private static string RoadmapFile(string contentRoot, Roadmap roadmap) => Path.GetFullPath(Path.Combine(contentRoot, "roadmaps", roadmap.Id, "roadmap.yml"));

    private static TopicSource With(TopicSource text, Translation status) => new()
    {
        Slug = text.Slug, Title = text.Title, Summary = text.Summary, File = text.File, Body = text.Body,
        Resources = text.Resources, Questions = text.Questions, PrerequisiteRefs = text.PrerequisiteRefs, Positions = text.Positions,
        Translation = status, Untranslated = text.Untranslated,
    };

    /// <summary>Every translatable source file in every other language: translated (current or behind) or missing.</summary>
    private static List<TranslationState> States(Site source, IReadOnlyList<Language> languages, IReadOnlyList<Site> sites)
    {
        var states = new List<TranslationState>();
        for (var i = 0; i < languages.Count; i++)
        {
            var site = sites[i];
            var entries = new List<(string Source, Translation? Translation)> { (source.Config.SourcePath, site.ConfigTranslation) };
            if (site.Home is { } home) entries.Add((source.Home!.SourcePath, home.Translation));
            entries.AddRange(source.Pages.Zip(site.Pages, (s, t) => (s.SourcePath, t.Translation)));
            foreach (var (english, roadmap) in source.Roadmaps.Zip(site.Roadmaps))
            {
                entries.Add((english.SourcePath, roadmap.Translation));
                entries.AddRange(english.Topics.Zip(roadmap.Topics, (s, t) => (s.SourcePath, t.Source.Translation)));
            }
            states.AddRange(entries.Select(e => e.Translation is { } t
                ? new TranslationState(languages[i], e.Source, t.TranslationPath, t.IsBehind ? TranslationProgress.Behind : TranslationProgress.UpToDate, t.Behind, t.Changes)
                : new TranslationState(languages[i], e.Source, null, TranslationProgress.Missing, 0, null)));
        }
        return states;
    }
}
