using System.Collections.Concurrent;
using RoadmapGen.Diagnostics;
using RoadmapGen.Render;

namespace RoadmapGen.Check;

/// <summary>
/// Check stage: every internal link, image and script of every page must point at a file of
/// the site, and every #fragment at an id of its target page. Runs on in-memory pages, so the
/// same code checks a fresh build and any folder of HTML (<see cref="FolderLoader"/>).
/// </summary>
public sealed class LinkChecker
{
    private readonly Routes _urls;
    private readonly Uri? _siteUrl;
    private readonly Func<OutputFile, string> _displayPath;
    private readonly ICheckReuse _reuse;

    /// <param name="siteUrl">Absolute links to this URL count as internal (Hugo writes these).</param>
    /// <param name="displayPath">How to name a page in a diagnostic that has no better origin.</param>
    /// <param name="reuse">What may be taken from an earlier check (the memo layer decides); none checks everything.</param>
    public LinkChecker(Routes urls, string? siteUrl, Func<OutputFile, string> displayPath, ICheckReuse? reuse = null)
    {
        _urls = urls;
        _reuse = reuse ?? ICheckReuse.None;
        _siteUrl = siteUrl is not null && Uri.TryCreate(Routes.PublishedRoot(siteUrl), UriKind.Absolute, out var u) ? u : null;
        _displayPath = displayPath;
    }

    public sealed record Result(int Pages, int LinksChecked);

    /// <param name="cancel">
    /// Stops the check between pages (serve, on a newer save) with an <see cref="OperationCanceledException"/>;
    /// the reuse is then never told the check ended, so it keeps what it knew before.
    /// </param>
    public Result Check(IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics, CancellationToken cancel = default)
    {
        var byPath = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
        foreach (var file in files) byPath[file.Path] = file;
        var parsed = new ConcurrentDictionary<string, PageLinks>(StringComparer.Ordinal);
        var pages = files.Where(f => f.IsHtml).ToList();
        var parallel = new ParallelOptions { CancellationToken = cancel };
        Parallel.ForEach(pages, parallel, page => parsed[page.Path] = _reuse.Links(page, () => PageLinks.Parse(page.Content)));

        var linksChecked = 0;
        _reuse.Begin(files, parsed);
        Parallel.ForEach(pages, parallel, () => 0, (page, _, count) =>
        {
            if (_reuse.Verdict(page) is { } known) return count + known;
            var links = parsed[page.Path];
            var problems = links.DuplicateIds.Count;
            var idCursor = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (id, line, column) in links.DuplicateIds)
                Report(page, Codes.DuplicateId, null, line, column, $"duplicate id '{id}' in {page.Path} (ids must be unique in a page; rename a heading)",
                    madeBy: DuplicateOrigin(page, links, id, idCursor));
            foreach (var (line, column) in links.ImagesWithoutSource ?? [])
            {
                problems++;
                Report(page, Codes.ImageWithoutSource, null, line, column,
                    $"<img> without a source in {page.Path}: it has neither a src nor a srcset, so it shows nothing (give it a src, or remove it)");
            }
            var originCursor = new Dictionary<string, int>(StringComparer.Ordinal);
            var pageUrl = DocumentBaseUrl(new Uri(SiteRoot, _urls.Base + page.Path), links.BaseHref);
            var lookups = _reuse.Lookups();
            foreach (var link in links.Links)
            {
                var problem = CheckLink(page, pageUrl, link, byPath, parsed, lookups);
                count++;
                if (problem is null) continue;
                problems++;
                Report(page, problem.Value.Code, link, link.Line, link.Column, problem.Value.Message, originCursor);
            }
            _reuse.Checked(page, links.Links.Count, lookups, problems == 0);
            return count;
        }, count => Interlocked.Add(ref linksChecked, count));
        _reuse.End();
        return new Result(pages.Count, linksChecked);

        // Where a problem is reported: the content line that made the link or id, else the
        // template text Render recorded as writing the tag, else the page itself (a folder of
        // HTML that no build of ours made).
        void Report(OutputFile page, string code, PageLink? link, int line, int column, string message,
            Dictionary<string, int>? cursor = null, IdOrigin? madeBy = null)
        {
            var origin = link is null ? null : FindOrigin(page, link.Url, cursor!);
            if (madeBy is not null) origin = new LinkOrigin(madeBy.Id, madeBy.File, madeBy.Line, madeBy.Column);
            if (origin is not null)
                diagnostics.Error(code, origin.File, origin.Line, origin.Column, message);
            else if (page.Html is { } html && page.Sources.At(html, line, column) is { } written)
                diagnostics.Error(code, written.File, written.Line, written.Column,
                    message + (written.AsValue ? $" (written by this template line, on {page.Path})" : $" (in the template, on {page.Path})"));
            else
                diagnostics.Error(code, _displayPath(page), line, column, message);
        }
    }

    /// <summary>
    /// The content line that made a duplicate id, when Markdown made it: a page reports each id's
    /// second, third… occurrence in turn, and content made the last of an id's elements (a
    /// heading sits inside the template's markup around it).
    /// </summary>
    private static IdOrigin? DuplicateOrigin(OutputFile page, PageLinks links, string id, Dictionary<string, int> cursor)
    {
        var made = page.IdOrigins.Where(o => o.Id == id).ToList();
        if (made.Count == 0) return null;
        var reported = cursor.GetValueOrDefault(id);
        cursor[id] = reported + 1;
        var duplicates = links.DuplicateIds.Count(d => d.Id == id);
        return made[Math.Clamp(made.Count - duplicates + reported, 0, made.Count - 1)];
    }

    /// <summary>The n-th occurrence of an href in the page matches the n-th Markdown link with that URL.</summary>
    private static LinkOrigin? FindOrigin(OutputFile page, string href, Dictionary<string, int> cursor)
    {
        var seen = cursor.GetValueOrDefault(href);
        var matches = page.Origins.Where(o => o.Href == href).ToList();
        if (seen >= matches.Count) return null;
        cursor[href] = seen + 1;
        return matches[seen];
    }

    private static readonly Uri SiteRoot = new("http://site.invalid");

    /// <summary>
    /// The URL every relative URL of the page resolves against: its first &lt;base href&gt;, itself
    /// resolved against the page's own URL, or the page's URL when it has none or it does not parse.
    /// </summary>
    private static Uri DocumentBaseUrl(Uri pageUrl, string? baseHref) =>
        baseHref is not null && Uri.TryCreate(pageUrl, baseHref, out var baseUrl) ? baseUrl : pageUrl;

    /// <param name="lookups">Collects every output path the link's target was looked up at, and the page its fragment was checked in.</param>
    private (string Code, string Message)? CheckLink(OutputFile page, Uri pageUrl, PageLink link, Dictionary<string, OutputFile> files,
        ConcurrentDictionary<string, PageLinks> parsed, CheckLookups? lookups)
    {
        var url = link.Url;
        if (url.Length == 0) return (Codes.BrokenLink, $"empty {link.Kind} URL in {page.Path} (give it an address, or remove it)");
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            return null;
        // Most links are external or plain root-relative paths: answer those without building a Uri,
        // which was most of the cost of checking a 10,000-page site.
        if (IsOtherSite(url)) return null;
        string path, rawFragment;
        if (IsPlainRootPath(url) && pageUrl.Host == SiteRoot.Host)
        {
            var hash = url.IndexOf('#');
            path = hash < 0 ? url : url[..hash];
            rawFragment = hash < 0 ? "" : url[hash..];
            if (path.Contains('%')) path = Uri.UnescapeDataString(path);
        }
        else
        {
            if (!Uri.TryCreate(pageUrl, url, out var target)) return (Codes.BrokenLink, $"malformed {link.Kind} URL '{url}' (look for spaces or stray characters in it)");
            if (target.Host != "site.invalid")
            {
                if (_siteUrl is null || !target.AbsoluteUri.StartsWith(_siteUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase)) return null;
                target = new Uri(SiteRoot, _urls.Base + target.AbsoluteUri[_siteUrl.AbsoluteUri.Length..]);
            }
            else if (target.Scheme != "http") return null;
            path = Uri.UnescapeDataString(target.AbsolutePath);
            var hash = url.IndexOf('#');
            rawFragment = hash < 0 ? "" : url[hash..];
        }
        var basePath = _urls.Base;
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
            return (Codes.BrokenLink, $"{link.Kind} '{url}' points outside the site's base path '{basePath}' (links must start with the base path; build with the right --base-path)");
        var relative = path[basePath.Length..];
        var targetFile = Resolve(relative, files, lookups?.Paths);
        if (targetFile is null)
            return (Codes.BrokenLink, $"broken {link.Kind}: '{url}' — no page or file at '{(relative.Length == 0 ? "/" : relative)}'{Suggest(relative, files)}");
        if (rawFragment.Length == 0 || !targetFile.IsHtml) return null;
        lookups?.FragmentTargets.Add(targetFile.Path);
        if (!parsed.TryGetValue(targetFile.Path, out var targetLinks)) return null;
        if (Fragments.Indicates(rawFragment[1..], targetLinks.Ids) is { } missing)
            return (Codes.BrokenFragment, $"broken fragment: '{url}' — {targetFile.Path} has no element with id '{missing}'{SuggestId(missing, targetLinks.Ids)}");
        return null;
    }

    /// <summary>An absolute http(s) link to another site (links to the checked site itself are internal).</summary>
    private bool IsOtherSite(string url)
    {
        var isHttp = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        return isHttp && (_siteUrl is null || !url.StartsWith(_siteUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"/a/b/#c": rooted, no "//" host, no query, no dot segments, nothing a Uri would normalise.</summary>
    private static bool IsPlainRootPath(string url)
    {
        if (url.Length == 0 || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal)) return false;
        var end = url.IndexOf('#');
        var path = end < 0 ? url.AsSpan() : url.AsSpan(0, end);
        foreach (var c in path)
            if (c is '?' or '\\' or ' ' or '\t' || c < ' ' || c > '~') return false;
        return !path.Contains("/./", StringComparison.Ordinal) && !path.Contains("/../", StringComparison.Ordinal)
            && !path.EndsWith("/.", StringComparison.Ordinal) && !path.EndsWith("/..", StringComparison.Ordinal);
    }

    private static OutputFile? Resolve(string relative, Dictionary<string, OutputFile> files, HashSet<string>? lookups)
    {
        // A link to a folder without its slash is followed as the host's redirect would.
        return Routes.Serving(relative, Exists) is { } served ? files[served.Path] : null;

        bool Exists(string path)
        {
            lookups?.Add(path);
            return files.ContainsKey(path);
        }
    }

    private static string Suggest(string relative, Dictionary<string, OutputFile> files)
    {
        var wanted = relative.TrimEnd('/');
        var candidates = files.Keys.Select(Routes.FolderOf).OfType<string>();
        var best = Load.DidYouMean.Suggest(wanted, candidates);
        return best is null ? " (correct the address, or remove the link)" : $" (did you mean '{Routes.FolderUrl(best)}'?)";
    }

    private static string SuggestId(string fragment, IReadOnlySet<string> ids)
    {
        var best = Load.DidYouMean.Suggest(fragment, ids);
        return best is null ? " (link to one of the page's heading ids)" : $" (did you mean '#{best}'?)";
    }
}
