using RoadmapGen.Diagnostics;
using RoadmapGen.Render;

namespace RoadmapGen.Check.External;

/// <summary>Where the cache lives and how long its answers are trusted.</summary>
public sealed record ExternalCacheOptions(string Path, TimeSpan MaxAge);

/// <summary>The external part of <c>check --external</c>: collect links, ask (or remember) each URL once, report.</summary>
public static class ExternalCheck
{
    public sealed record Summary(ExternalReport Report, int Links, int Fetched);

    public static async Task<Summary> RunAsync(IReadOnlyList<OutputFile> files, Func<OutputFile, string> displayPath, string? siteUrl,
        ExternalCheckOptions options, ExternalCacheOptions? cacheOptions, DiagnosticBag diagnostics, TimeProvider? time = null,
        CancellationToken cancellation = default)
    {
        var uses = ExternalLinks.Collect(files, displayPath, siteUrl);
        var cache = cacheOptions is null ? LinkCache.Empty(TimeSpan.Zero, time) : LinkCache.Load(cacheOptions.Path, cacheOptions.MaxAge, time);
        using var checker = new ExternalLinkChecker(options, cache, time);
        var results = await checker.CheckAsync(uses.Select(u => u.Key), cancellation).ConfigureAwait(false);
        if (cacheOptions is not null) Save(cache, cacheOptions.Path, diagnostics);
        var report = ExternalReport.Build(uses, results);
        report.AddDiagnostics(diagnostics);
        return new Summary(report, uses.Count, checker.Fetched);
    }

    private static void Save(LinkCache cache, string path, DiagnosticBag diagnostics)
    {
        try
        {
            cache.Save(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The links were checked; only the next run gets slower, so this is no reason to fail.
            diagnostics.Warning(Codes.WriteFailed, Load.DisplayPath.Of(Path.GetFullPath(path)), 0, 0,
                $"could not save the link cache: {e.Message} (pass a writable path with --cache)");
        }
    }
}
