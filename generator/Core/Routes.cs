using RoadmapGen.Load;

namespace RoadmapGen.Core;

/// <summary>
/// The site's URL space, in one place: every page's and file's URL and output path (prefixed by
/// the base path, so the same build works at "/" and under a GitHub project path "/repo/"), the
/// rule that a folder's URL is served by its index.html, and the names the site's own pages take,
/// which Load and <c>new</c> refuse as slugs. Templates never write a "/" link by hand.
/// </summary>
public sealed class Routes
{
    /// <summary>The whole-roadmap page, inside each roadmap's folder ("/backend/all/").</summary>
    public const string WholeRoadmapName = "all";

    /// <summary>The A–Z list of topics, at the top level ("/topics/").</summary>
    public const string TopicIndexName = "topics";

    /// <summary>The list of every roadmap with its size and the reader's progress, at the top level ("/roadmaps/"), on a site of more than one.</summary>
    public const string RoadmapIndexName = "roadmaps";

    /// <summary>Fingerprinted assets, at the top level ("/assets/").</summary>
    public const string AssetsFolder = "assets";

    /// <summary>Images saved beside the content, at the top level ("/media/roadmaps/backend/topics/cache-aside.svg").</summary>
    public const string MediaFolder = "media";

    public const string NotFoundFile = "404.html";
    public const string SitemapFile = "sitemap.xml";
    public const string RobotsFile = "robots.txt";
    /// <summary>Tells GitHub Pages to publish the files as they are, folders starting with "_" included.</summary>
    public const string NoJekyllFile = ".nojekyll";
    public const string SearchIndexFile = "search-index.json";
    public const string OfflineListFile = "offline.json";
    /// <summary>How every roadmap's offline list URL ends ("/backend/offline.json"): the service worker tells a saved roadmap's list from the files it lists by it.</summary>
    public const string OfflineListEnding = "/" + OfflineListFile;
    /// <summary>A file, not a folder, so no page's slug can take its name.</summary>
    public const string OfflinePageFile = "offline.html";
    public const string FeedFile = "feed.xml";

    /// <summary>The file that serves a folder's URL: "a/b/" is served by "a/b/index.html".</summary>
    private const string IndexFile = "index.html";

    /// <summary>Top-level names (beside the roadmaps' ids) no page or roadmap may take.</summary>
    public static readonly IReadOnlySet<string> ReservedPageSlugs = new HashSet<string>(StringComparer.Ordinal) { AssetsFolder, MediaFolder, "search", TopicIndexName, RoadmapIndexName };

    /// <summary>Names inside a roadmap's folder no topic may take.</summary>
    public static readonly IReadOnlySet<string> ReservedTopicSlugs = new HashSet<string>(StringComparer.Ordinal) { WholeRoadmapName };

    /// <summary>The site's base path: shared files (assets, media, the worker, the sitemap) are here.</summary>
    public string Base { get; }

    /// <summary>
    /// Where this language's pages and files are: the base path for the source language (and a
    /// one-language site), the base path and the language's code for every other ("/es/").
    /// </summary>
    public string Root { get; }

    /// <summary>The language these routes are for, when it is not the source language.</summary>
    public string? Language { get; }

    public Routes(string basePath, string? language = null)
    {
        var trimmed = basePath.Trim().Trim('/');
        Base = trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
        Language = language;
        Root = language is null ? Base : Base + language + "/";
    }

    /// <summary>The routes at "/", as messages name a URL: Load and <c>new</c> know no base path.</summary>
    public static Routes AtRoot { get; } = new("/");

    /// <summary>The same site's routes for a language; null for the source language.</summary>
    public Routes In(string? language) => new(Base, language);

    /// <summary>A page's URL in another language: the same page, under that language's root.</summary>
    public string Translate(string url, Routes to) =>
        url.StartsWith(Root, StringComparison.Ordinal) ? to.Root + url[Root.Length..] : url;

    public string Home => Root;
    public string Roadmap(Roadmap roadmap) => Root + roadmap.Id + "/";
    public string WholeRoadmap(Roadmap roadmap) => Root + roadmap.Id + "/" + WholeRoadmapName + "/";
    public string RoadmapJson(Roadmap roadmap) => Root + roadmap.Id + "/roadmap.json";
    /// <summary>A stage on its roadmap's page ("/backend/#databases"): the stage's id is an element id of that page.</summary>
    public string Stage(Roadmap roadmap, Stage stage) => WithFragment(Roadmap(roadmap), stage.Id);
    /// <summary>A pick-one group on its roadmap's page ("/backend/#choice-python").</summary>
    public string Choice(Roadmap roadmap, Choice choice) => WithFragment(Roadmap(roadmap), choice.Id);
    public string Topic(Topic topic) => Topic(topic.Roadmap.Id, topic.Slug);
    /// <summary>A topic's URL from its roadmap's id and its slug, for a topic not loaded yet (what <c>new topic</c> prints).</summary>
    public string Topic(string roadmapId, string slug) => Root + roadmapId + "/" + slug + "/";
    public string Page(Page page) => Root + page.Slug + "/";
    public string TopicIndex => Root + TopicIndexName + "/";
    /// <summary>One letter's page of the A–Z on a large site ("/topics/a/"), by <see cref="LetterKey"/>.</summary>
    public string TopicLetter(string key) => TopicIndex + key + "/";
    public string RoadmapIndex => Root + RoadmapIndexName + "/";
    /// <summary>One for the whole site: a static host serves the top-level 404.html for every missing path.</summary>
    public string NotFound => Base + NotFoundFile;
    public string SearchIndex => Root + SearchIndexFile;
    /// <summary>A roadmap's own part of a split search index, in its folder, so saving the roadmap for offline reading keeps it.</summary>
    public string SearchShard(Roadmap roadmap) => Root + roadmap.Id + "/" + SearchIndexFile;
    public string Sitemap => Base + SitemapFile;
    public string Asset(string fingerprintedName) => AssetsUrl + fingerprintedName;
    /// <summary>A language's words for the scripts, fingerprinted like the assets beside it ("/assets/strings.es.3f2a9c1e0b.js").</summary>
    public string StringsScript(string language, string fingerprint) => Asset($"strings.{language}.{fingerprint}.js");
    /// <summary>The folder every language's pages share their assets from ("/repo/assets/").</summary>
    public string AssetsUrl => Base + AssetsFolder + "/";
    /// <summary>An image keeps its path inside content/, so two topics' "diagram.svg" never meet.</summary>
    public string Image(ContentImage image) => Base + MediaFolder + "/" + image.ContentPath;
    public string Feed => Root + FeedFile;
    /// <summary>One per language, since it holds the site's name, description and start page in that language.</summary>
    public string WebManifest => Root + "manifest.webmanifest";
    /// <summary>At the base path's root, not under assets/: a service worker controls only the pages at or below its own folder.</summary>
    public string ServiceWorker => Base + "sw.js";
    /// <summary>The list of a roadmap's files that "Save for offline" fetches.</summary>
    public string OfflineList(Roadmap roadmap) => Root + roadmap.Id + OfflineListEnding;
    /// <summary>
    /// What the service worker shows, offline, for a page that was not saved: one per language, at
    /// the language's root, so the worker picks the one whose root the requested path starts with.
    /// </summary>
    public string OfflinePage => Root + OfflinePageFile;

    /// <summary>
    /// Whether the sitemap lists a page of this language, by its output path: every page but those
    /// a reader only meets by a mistake (the site's 404 page) or offline (the language's offline
    /// page), which are no search engine's business.
    /// </summary>
    public bool InSitemap(string outputPath) => outputPath != OutputPath(NotFound) && outputPath != OutputPath(OfflinePage);

    /// <summary>
    /// The URL segment of a first letter's A–Z page: an ASCII letter or digit as itself in lower
    /// case ("a", "7"), any other character by its code ("x00e9" for "É"), which no letter's
    /// one-character key can equal.
    /// </summary>
    public static string LetterKey(char letter) => char.IsAsciiLetterOrDigit(letter)
        ? char.ToLowerInvariant(letter).ToString()
        : "x" + ((int)letter).ToString("x4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A site URL made absolute with site.yml's <c>url</c> (the address the site is published
    /// at, base path included), for whatever leaves the site: sitemap, canonical links, exports.
    /// Null without a site URL.
    /// </summary>
    public string? Absolute(string? siteUrl, string url) =>
        siteUrl is null ? null : PublishedRoot(siteUrl) + Relative(url);

    /// <summary>The address the site is published at, ending in one "/": every absolute URL of the site starts with it.</summary>
    public static string PublishedRoot(string siteUrl) => siteUrl.TrimEnd('/') + "/";

    /// <summary>An element of a page: "/backend/" and "databases" → "/backend/#databases".</summary>
    public static string WithFragment(string url, string fragment) => url + OnThisPage(fragment);

    /// <summary>A link to an element of the page it is on: "letter-a" → "#letter-a".</summary>
    public static string OnThisPage(string fragment) => "#" + fragment;

    /// <summary>
    /// Where a file may be edited on the site's repository host (GitHub's form: /edit/branch/path),
    /// from site.yml's <c>repository</c> and <c>branch</c> and the file's path in the repository.
    /// </summary>
    public static string Edit(string repository, string branch, string repositoryPath) => $"{repository.TrimEnd('/')}/edit/{branch}/{repositoryPath}";

    /// <summary>Whether an output path is a file every language's pages share: a fingerprinted asset or a content image.</summary>
    public static bool IsShared(string outputPath) =>
        outputPath.StartsWith(AssetsFolder + "/", StringComparison.Ordinal) || outputPath.StartsWith(MediaFolder + "/", StringComparison.Ordinal);

    /// <summary>A URL of this site relative to the base path: "/repo/a/b/" → "a/b/".</summary>
    public string Relative(string url) => url.StartsWith(Base, StringComparison.Ordinal) ? url[Base.Length..] : url.TrimStart('/');

    /// <summary>The URL a file of this site is served at: "a/b/index.html" → "/repo/a/b/".</summary>
    public string UrlOf(string outputPath) => Base + RouteOf(outputPath);

    /// <summary>The file a URL of this site is served from: "/repo/a/b/" → "a/b/index.html".</summary>
    public string OutputPath(string url) => FileServing(Relative(url));

    /// <summary>An output path without its index file: "a/b/index.html" → "a/b/"; other files are their own route.</summary>
    public static string RouteOf(string outputPath) =>
        outputPath.EndsWith(IndexFile, StringComparison.Ordinal) ? outputPath[..^IndexFile.Length] : outputPath;

    /// <summary>The file serving a route relative to the base path: "" and "a/b/" are folders, served by their index file.</summary>
    private static string FileServing(string relative) =>
        relative.Length == 0 || relative.EndsWith('/') ? relative + IndexFile : relative;

    /// <summary>
    /// The file a static host (GitHub Pages, serve) answers a route relative to the base path with,
    /// given which output paths exist: "a/b/" its folder's index file; "a/b" the file "a/b" or, when
    /// there is none but a folder "a/b" has an index file, that one behind a redirect to
    /// <see cref="FolderUrl"/>. Null when nothing serves it.
    /// </summary>
    /// <param name="exists">Whether an output path exists; asked only for the paths that could serve the route, in the order tried.</param>
    public static ServedFile? Serving(string relative, Func<string, bool> exists)
    {
        var file = FileServing(relative);
        if (file != relative) return exists(file) ? new ServedFile(file, AddsSlash: false) : null;
        if (exists(relative)) return new ServedFile(relative, AddsSlash: false);
        var index = relative + "/" + IndexFile;
        return exists(index) ? new ServedFile(index, AddsSlash: true) : null;
    }

    /// <summary>The URL of a folder named without its slash ("/repo/a/b" → "/repo/a/b/"): where a request or link naming it is sent.</summary>
    public static string FolderUrl(string url) => url + "/";

    /// <summary>The folder an output path is the index file of ("a/b/index.html" → "a/b"), or null for any other file.</summary>
    public static string? FolderOf(string outputPath) =>
        outputPath.EndsWith("/" + IndexFile, StringComparison.Ordinal) ? outputPath[..^(IndexFile.Length + 1)] : null;
}

/// <summary>The output file that serves a route, and whether the host first redirects to the route with a slash added (a folder named without it).</summary>
public sealed record ServedFile(string Path, bool AddsSlash);
