using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Which URLs content may use: relative ones, and the schemes on an allow-list. The scheme is
/// read the way browsers read it (tabs and newlines anywhere and leading control characters or
/// spaces are dropped, case is ignored), and percent-escapes are decoded too, so no spelling of
/// <c>javascript:</c> passes.
/// </summary>
public static class UrlSafety
{
    public static IReadOnlySet<string> AllowedSchemes => HtmlPolicy.UrlSchemes;

    /// <summary>The scheme a URL uses when it is not on the allow-list; null for an allowed or relative URL.</summary>
    public static string? DisallowedScheme(string url)
    {
        foreach (var candidate in new[] { SafeUnescape(url), url })
        {
            var scheme = SchemeOf(candidate);
            if (scheme is not null && !AllowedSchemes.Contains(scheme)) return scheme;
        }
        return null;
    }

    /// <summary>
    /// Why content may not use a URL in a link or an image (with the diagnostic code), or null.
    /// Images come from this site only: the pages' Content-Security-Policy loads no others, so an
    /// external image would build and never show.
    /// </summary>
    public static (string Code, string Message)? Problem(string url, bool isImage)
    {
        var what = isImage ? "image" : "link";
        if (DisallowedScheme(url) is { } scheme)
            return (Codes.UnsafeUrl, $"{what} uses a '{scheme}:' URL; only http, https and mailto links and relative links are allowed (use an http(s) URL or a link to a topic file)");
        if (NamesAnotherHost(url))
            return (Codes.UnsafeUrl, $"{what} '{Shown(url)}' starts with '//' or a backslash, which browsers read as another site (write the full https:// URL{(isImage ? ", or save the image under content/" : "")})");
        if (isImage && HasScheme(url))
            return (Codes.ExternalImage, $"image '{Shown(url)}' is on another site, and pages only show images from this site (save it under content/ and link it relatively, or link to it instead of showing it)");
        return null;
    }

    /// <summary>A value shown to the contributor as text: control characters made visible, length bounded.</summary>
    public static string Shown(string text)
    {
        var visible = new string(text.Select(c => char.IsControl(c) ? '\uFFFD' : c).ToArray());
        return visible.Length <= 80 ? visible : visible[..77] + "...";
    }

    /// <summary>Kept for callers that ask about the classic script-running schemes only.</summary>
    public static string? DangerousScheme(string url) => DisallowedScheme(url) is { } s && s is "javascript" or "vbscript" or "data" ? s : null;

    /// <summary>Whether the URL names a scheme (<c>https:</c>, <c>mailto:</c>, …) rather than a path relative to the page.</summary>
    public static bool HasScheme(string url) => SchemeOf(url) is not null;

    /// <summary>
    /// Whether a URL without a scheme still names a host: browsers read "//evil.example",
    /// "\\evil.example" and "/\\evil.example" (tabs and newlines dropped, leading spaces and
    /// control characters trimmed) as another site.
    /// </summary>
    public static bool NamesAnotherHost(string url)
    {
        var compact = Compact(url);
        return compact.Length >= 2 && compact[0] is ('/' or '\\') && compact[1] is ('/' or '\\');
    }

    private static string? SchemeOf(string url)
    {
        var compact = Compact(url);
        var colon = compact.IndexOf(':');
        if (colon <= 0) return null;
        var head = compact.AsSpan(0, colon);
        // A ':' after a path, query or fragment starts is part of a relative URL ("a/b:c", "#x:y").
        if (head.IndexOfAny('/', '?', '#') >= 0) return null;
        var scheme = head.ContainsAnyExcept(SchemeLetters)
            ? new string(head.ToArray().Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray())
            : head.ToString();
        scheme = scheme.ToLowerInvariant();
        return scheme.Length > 0 ? scheme : null;
    }

    /// <summary>The URL as a browser reads it: tabs and newlines dropped, leading spaces and control characters trimmed.</summary>
    private static string Compact(string url) => url.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0
        ? new string(url.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).TrimStart(ControlOrSpace)
        : url.TrimStart(ControlOrSpace);

    /// <summary>What almost every scheme is written with; anything else takes the slow, careful path.</summary>
    private static readonly System.Buffers.SearchValues<char> SchemeLetters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    private static readonly char[] ControlOrSpace = Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray();

    private static string SafeUnescape(string url)
    {
        try { return Uri.UnescapeDataString(url); }
        catch (UriFormatException) { return url; }
    }

    public static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
