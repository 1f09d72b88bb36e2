namespace RoadmapGen.Load;

/// <summary>
/// Which URLs content may use: relative ones, and the schemes on an allow-list. The scheme is
/// read the way browsers read it (tabs and newlines anywhere and leading control characters or
/// spaces are dropped, case is ignored), and percent-escapes are decoded too, so no spelling of
/// <c>javascript:</c> passes.
/// </summary>
public static class UrlSafety
{
    public static readonly IReadOnlySet<string> AllowedSchemes = new HashSet<string>(StringComparer.Ordinal) { "http", "https", "mailto" };

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

    /// <summary>Kept for callers that ask about the classic script-running schemes only.</summary>
    public static string? DangerousScheme(string url) => DisallowedScheme(url) is { } s && s is "javascript" or "vbscript" or "data" ? s : null;

    /// <summary>Whether the URL names a scheme (<c>https:</c>, <c>mailto:</c>, …) rather than a path relative to the page.</summary>
    public static bool HasScheme(string url) => SchemeOf(url) is not null;

    private static string? SchemeOf(string url)
    {
        var compact = new string(url.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).TrimStart(ControlOrSpace);
        var colon = compact.IndexOf(':');
        if (colon <= 0) return null;
        var head = compact[..colon];
        // A ':' after a path, query or fragment starts is part of a relative URL ("a/b:c", "#x:y").
        if (head.IndexOfAny(['/', '?', '#']) >= 0) return null;
        head = new string(head.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        return head.Length > 0 ? head : null;
    }

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
