using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Render.Offline;

/// <summary>
/// Offline reading: the web app manifest, each roadmap's list of files to save, and the service
/// worker. The worker's source is templates/offline/sw.js; the build writes it to the base path's
/// root (so its scope is the whole site) with the build's content hash in front, which names its cache. A new build with other content therefore ships a
/// worker with other bytes, browsers install it on the next visit, and it saves the saved
/// roadmaps again under the new name before the old cache is removed.
/// </summary>
public static class OfflineFiles
{
    public const string WorkerSource = "offline/sw.js";

    /// <summary>The worker's source, or null when the templates have none (the site then offers no offline saving).</summary>
    public static string? ReadWorker(string templatesRoot, DiagnosticBag diagnostics)
    {
        var file = Path.Combine(templatesRoot, WorkerSource);
        if (!File.Exists(file) || !LinkedFiles.StaysInside(templatesRoot, file, diagnostics)) return null;
        return File.ReadAllText(file);
    }

    /// <summary>
    /// The manifest of one language's edition: its name and description in that language, its home
    /// page as start and id (so each language installs as its own app), and the whole site as scope,
    /// since the language switcher leads between editions.
    /// </summary>
    /// <param name="source">The source language's site: the short name is its title's, in every language.</param>
    public static string Manifest(Site edition, Site source, Routes urls, string iconUrl) => JsonSerializer.Serialize(
        new WebManifest(edition.Config.Title, ShortName(source.Config.Title), edition.Config.Description,
            StartUrl: urls.Home, Scope: urls.Base, Id: urls.Home, Display: "browser",
            BackgroundColor: "#f6f7fb", ThemeColor: "#2a56c6", Lang: edition.Language?.Code ?? "en",
            [new ManifestIcon(iconUrl, "any", "image/svg+xml", "any")]) { Dir = edition.Language?.Direction },
        ManifestJsonContext.Default.WebManifest) + "\n";

    // The first word of the title; a translated title's first word ("Hoja de ruta …" → "Hoja") names
    // nothing, so every edition keeps the source's, the product's short name.
    private static string ShortName(string title) => title.Length <= 12 ? title : title.Split(' ')[0];

    /// <summary>
    /// A roadmap's pages (its page, the whole-roadmap page, every topic) and what reading them
    /// offline needs besides: the home page and the A–Z list (for search results), the pages
    /// the header links to (About, Contributing), the page shown for one not saved, the search index, the stylesheet, scripts and
    /// images, and the roadmap's other files.
    /// </summary>
    public static string List(Roadmap roadmap, Routes urls, IReadOnlyCollection<OutputFile> output, IEnumerable<string> headerPages)
    {
        var folder = urls.Relative(urls.Roadmap(roadmap));
        var own = output.Where(f => f.Path.StartsWith(folder, StringComparison.Ordinal)).ToList();
        var shared = new[] { urls.Home, urls.TopicIndex, urls.OfflinePage }.Concat(headerPages).Select(urls.OutputPath).ToHashSet(StringComparer.Ordinal);
        var pages = own.Where(f => f.IsHtml).Concat(output.Where(f => f.IsHtml && shared.Contains(f.Path)))
            .Select(f => urls.UrlOf(f.Path)).Order(StringComparer.Ordinal).ToList();
        var files = own.Where(f => !f.IsHtml && !f.Path.EndsWith(Routes.OfflineListFile, StringComparison.Ordinal))
            .Concat(output.Where(f => Routes.IsShared(f.Path) || f.Path == urls.OutputPath(urls.SearchIndex)))
            .Select(f => urls.UrlOf(f.Path)).Order(StringComparer.Ordinal).ToList();
        return JsonSerializer.Serialize(new OfflineList(roadmap.Id, roadmap.Title, pages, files), OfflineJsonContext.Default.OfflineList) + "\n";
    }

    /// <summary>The worker: its source below what the build tells it, the cache's name and the routes it recognises files by.</summary>
    /// <param name="notSavedPages">Each language's page for a page not saved (<see cref="Routes.OfflinePage"/>).</param>
    public static string Worker(string source, string buildHash, IEnumerable<string> notSavedPages) =>
        $"// Written by the build: the hash of everything it built, which names the cache.\n" +
        $"const BUILD = \"{buildHash}\";\n" +
        "// How a roadmap's offline list URL ends, and each language's page for a page not saved,\n" +
        "// the deepest first, so the first whose folder starts a path is its language's.\n" +
        $"const LIST_ENDING = {JsonSerializer.Serialize(Routes.OfflineListEnding, OfflineJsonContext.Default.String)};\n" +
        $"const NOT_SAVED = {JsonSerializer.Serialize(DeepestFirst(notSavedPages), OfflineJsonContext.Default.StringArray)};\n" + source;

    private static string[] DeepestFirst(IEnumerable<string> urls) =>
        urls.OrderByDescending(u => u.Count(c => c == '/')).ThenBy(u => u, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// SHA-256 over every file's path and bytes, in path order: the same content always gives
    /// the same hash, whatever order the pages were rendered in. Files are hashed in parallel.
    /// </summary>
    public static string ContentHash(IReadOnlyCollection<OutputFile> files)
    {
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var hashes = new byte[ordered.Length][];
        Parallel.For(0, ordered.Length, i => hashes[i] = SHA256.HashData(ordered[i].Content));
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < ordered.Length; i++)
        {
            all.AppendData(Encoding.UTF8.GetBytes(ordered[i].Path + "\0"));
            all.AppendData(hashes[i]);
        }
        return Convert.ToHexStringLower(all.GetHashAndReset())[..16];
    }
}
