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
/// <param name="reuse">What may be taken from earlier work (the memo layer decides); none renders everything.</param>
public sealed class SiteRenderer(Site site, TemplateEngine templates, Routes urls, IRenderReuse? reuse = null)
{
    private readonly IRenderReuse _reuse = reuse ?? IRenderReuse.None;

    /// <summary>
    /// Called once every code block is highlighted, before any page is rendered: this render
    /// needs no grammar after it (the build decides whether they go; see <see cref="CodeHighlighter.ReleaseGrammars"/>).
    /// </summary>
    public Action? Highlighted { get; init; }

    /// <param name="cancel">
    /// Stops the render between pages (serve, on a newer save) with an <see cref="OperationCanceledException"/>,
    /// once the pages under way are done; the reuse keeps what was made, for the next render.
    /// </param>
    public IReadOnlyList<OutputFile> Render(DiagnosticBag diagnostics, CancellationToken cancel = default) => Render(diagnostics, only: null, cancel);

    /// <summary>
    /// Only the pages at <paramref name="pagePaths"/> (output paths; the others are not rendered),
    /// with the assets and images, but none of the files made from every page (sitemap, exports,
    /// search index, offline lists): what serve hands a browser before the rest of the site is ready.
    /// The whole render that follows finds these pages made.
    /// </summary>
    public IReadOnlyList<OutputFile> RenderFirst(IReadOnlySet<string> pagePaths, DiagnosticBag diagnostics) =>
        Render(diagnostics, only: pagePaths.Contains, CancellationToken.None);

    private IReadOnlyList<OutputFile> Render(DiagnosticBag diagnostics, Func<string, bool>? only, CancellationToken cancel)
    {
        _reuse.BeginRun(partial: only is not null);
        try
        {
            return RenderAll(diagnostics, only, cancel);
        }
        finally
        {
            _reuse.EndRun(finished: !cancel.IsCancellationRequested);
        }
    }

    private IReadOnlyList<OutputFile> RenderAll(DiagnosticBag diagnostics, Func<string, bool>? only, CancellationToken cancel)
    {
        var editions = Editions();
        var assets = Assets.Load(templates.Root, urls, templates.Strings, editions.Select(e => LanguageOf(e.Site)), diagnostics);
        var worker = OfflineFiles.ReadWorker(templates.Root, diagnostics);
        var languages = site.Language is null ? [] : editions.Select(e => (e.Site.Language!, e.Urls)).ToList();
        var run = templates.BeginRun(editions.Sum(e => e.Site.Roadmaps.Sum(r => r.Topics.Count)), _reuse);
        var output = new ConcurrentBag<OutputFile>(assets.Files);
        var highlighter = new CodeHighlighter(_reuse);
        highlighter.Prepare(editions.SelectMany(e => e.Site.Bodies()).SelectMany(b => b.Body.Document.Descendants<FencedCodeBlock>()));
        Highlighted?.Invoke();
        if (CodeHighlighter.Unavailable is { } reason) HighlightingUnavailable(reason, diagnostics);

        foreach (var (edition, editionUrls) in editions)
        {
            cancel.ThrowIfCancellationRequested();
            new EditionRenderer(edition, editionUrls, new SiteViews(edition, editionUrls, assets, offline: worker is not null, languages),
                run, output, highlighter, _reuse, templates, languages.Count > 0 ? urls : null) { Only = only, Cancel = cancel }.Render(diagnostics);
        }
        cancel.ThrowIfCancellationRequested();
        run.Report(diagnostics);

        foreach (var image in site.Images)
            output.Add(new OutputFile { Path = urls.OutputPath(urls.Image(image)), Content = image.Bytes.ToArray(), SourcePath = image.SourcePath });
        if (only is not null) return WithoutCollisions(output, diagnostics);
        // Every page, each language's routes saying which to leave out (Routes.InSitemap).
        var pages = output.Where(f => f.IsHtml);
        output.Add(OutputFile.Text(urls.OutputPath(urls.Sitemap), languages.Count == 0
            ? Sitemap.Xml(site.Config.Url, urls, pages)
            : Sitemap.Xml(site.Config.Url, urls, pages, languages.Select(l => (l.Item1.Code, l.Urls)).ToList())));
        output.Add(OutputFile.Text(Routes.RobotsFile, Sitemap.Robots(site.Config.Url, urls)));
        output.Add(OutputFile.Text(Routes.NoJekyllFile, ""));
        AddOffline(output, worker, assets, editions);
        return WithoutCollisions(output, diagnostics);
    }

    /// <summary>The site in each of its languages with its routes, the source language's first; one edition for a one-language site.</summary>
    private List<(Site Site, Routes Urls)> Editions() =>
        site.Translations.Select(t => (t, urls.In(t.Language!.Code))).Prepend((site, urls)).ToList();

    private static string LanguageOf(Site edition) => edition.Language?.Code ?? InterfaceStrings.SourceLanguage;

    /// <summary>
    /// Each language's web app manifest, each roadmap's offline list and, last, the service worker
    /// named by the hash of everything else: it is the one file that changes whenever anything does.
    /// </summary>
    private void AddOffline(ConcurrentBag<OutputFile> output, string? worker, Assets assets, List<(Site Site, Routes Urls)> editions)
    {
        if (assets.Urls.TryGetValue(Assets.Key("favicon.svg"), out var icon))
            foreach (var (edition, editionUrls) in editions)
                output.Add(OutputFile.Text(editionUrls.OutputPath(editionUrls.WebManifest), OfflineFiles.Manifest(edition, site, editionUrls, icon)));
        if (worker is null) return;
        var built = output.ToList();
        foreach (var (edition, editionUrls) in editions)
            foreach (var roadmap in edition.Roadmaps)
                output.Add(OutputFile.Text(editionUrls.OutputPath(editionUrls.OfflineList(roadmap)),
                    OfflineFiles.List(roadmap, editionUrls, built, edition.Pages.Select(editionUrls.Page))));
        output.Add(OutputFile.Text(urls.OutputPath(urls.ServiceWorker),
            OfflineFiles.Worker(worker, OfflineFiles.ContentHash(output.ToList()), editions.Select(e => e.Urls.OfflinePage))));
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
            var route = urls.UrlOf(group.Key);
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

    /// <summary>The site is still right without colours, so a warning, at the first block that shows it.</summary>
    private void HighlightingUnavailable(string reason, DiagnosticBag diagnostics)
    {
        var (body, source, block) = site.Bodies()
            .SelectMany(b => b.Body.Document.Descendants<FencedCodeBlock>().Select(f => (b.Body, b.SourcePath, Block: f)))
            .First(b => CodeLanguages.Find(b.Block.Info) is not null);
        diagnostics.Warning(Codes.HighlightingUnavailable, source, FileSpan.Markdown(block, body.LineOffset),
            $"code blocks are written without highlighting: the highlighter's native library did not load ({reason}); "
            + "a published roadmapgen needs the libonigwrap file that publish puts beside it, so copy both");
    }
}
