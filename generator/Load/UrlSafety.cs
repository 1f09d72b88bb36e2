namespace RoadmapGen.Load;

/// <summary>URL schemes that make a link run script or smuggle content; browsers ignore case and whitespace in them.</summary>
public static class UrlSafety
{
    private static readonly string[] Dangerous = ["javascript", "vbscript", "data"];

    /// <summary>The dangerous scheme a URL uses, or null when it is safe.</summary>
    public static string? DangerousScheme(string url)
    {
        // Browsers drop control characters and whitespace before reading the scheme ("java\tscript:").
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        compact = Uri.UnescapeDataString(compact);
        var colon = compact.IndexOf(':');
        if (colon <= 0) return null;
        var scheme = compact[..colon].ToLowerInvariant();
        return Dangerous.Contains(scheme) ? scheme : null;
    }

    public static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
