namespace RoadmapGen.Serve;

public enum Resolution { File, Redirect, NotFound, BadRequest }

/// <summary>What a request target maps to: a file of the built site by its output path, or a redirect location.</summary>
public sealed record ResolvedPath(Resolution Kind, string Value = "");

/// <summary>
/// Maps a raw request target ("/backend/caching/?q=1") to a file of the in-memory site. Nothing
/// is ever read from disk, but a target that tries to climb (<c>..</c>, <c>%2e%2e</c>, <c>..%2f</c>,
/// backslashes) is refused outright instead of being normalised, so it can never reach a file by accident.
/// </summary>
public static class RequestPath
{
    public static ResolvedPath Resolve(string rawTarget, string basePath, Func<string, bool> exists)
    {
        var queryStart = rawTarget.IndexOfAny(['?', '#']);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart >= 0 && rawTarget[queryStart] == '?' ? rawTarget[queryStart..] : "";
        if (!rawPath.StartsWith('/')) return new(Resolution.BadRequest);

        var path = Uri.UnescapeDataString(rawPath);
        if (!IsSafe(path)) return new(Resolution.BadRequest);

        if (Routes.FolderUrl(path) == basePath) return new(Resolution.Redirect, basePath + query);
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
            return path == "/" ? new(Resolution.Redirect, basePath) : new(Resolution.NotFound);

        var relative = path[basePath.Length..];
        // "//x" would otherwise become a redirect to "//x/", which a browser reads as another host.
        if (relative.StartsWith('/') || relative.Contains("//", StringComparison.Ordinal)) return new(Resolution.NotFound);
        return Routes.Serving(relative, exists) switch
        {
            null => new(Resolution.NotFound),
            // The raw path is echoed (still percent-encoded) so the redirect names exactly what was asked for.
            { AddsSlash: true } => new(Resolution.Redirect, Routes.FolderUrl(rawPath) + query),
            var served => new(Resolution.File, served.Path),
        };
    }

    private static bool IsSafe(string path)
    {
        foreach (var c in path)
        {
            if (c == '\\' || char.IsControl(c)) return false;
        }
        foreach (var segment in path.Split('/'))
        {
            if (segment is "." or "..") return false;
        }
        return true;
    }
}
