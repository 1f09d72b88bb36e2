using Ganss.Xss;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Render;

/// <summary>
/// The second line behind Load's allow-list: rendered Markdown that carries raw HTML goes
/// through a real sanitizer. Load already refused whatever it knows to be unsafe, so the
/// sanitizer should find nothing; if it does, Load has a gap: the build fails (RG0126) and the
/// page gets the sanitized HTML, so even a preview never shows what slipped through.
/// </summary>
public static class SafetyNet
{
    [ThreadStatic] private static (HtmlSanitizer Sanitizer, List<string> Removed)? t_sanitizer;

    private static (HtmlSanitizer Sanitizer, List<string> Removed) Sanitizer()
    {
        if (t_sanitizer is { } made) return made;
        var removed = new List<string>();
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "kbd", "abbr", "mark", "samp", "var", "small", "s", "del", "ins", "input", "dl", "dt", "dd", "sup", "sub" })
            sanitizer.AllowedTags.Add(tag);
        foreach (var attribute in new[] { "id", "class", "rel", "start", "type", "disabled", "checked", "title", "alt", "tabindex", "role", "aria-label" })
            sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in Load.UrlSafety.AllowedSchemes) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedCssProperties.Add("text-align");
        sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.LocalName}> ({e.Reason})");
        sanitizer.RemovingAttribute += (_, e) => removed.Add($"the attribute '{e.Attribute.Name}' of <{e.Tag.LocalName}> ({e.Reason})");
        sanitizer.RemovingStyle += (_, e) => removed.Add($"the style '{e.Style.Name}' of <{e.Tag.LocalName}> ({e.Reason})");
        sanitizer.RemovingAtRule += (_, e) => removed.Add($"a CSS at-rule in <{e.Tag.LocalName}>");
        sanitizer.RemovingCssClass += (_, e) => removed.Add($"the class '{e.CssClass}' of <{e.Tag.LocalName}> ({e.Reason})");
        t_sanitizer = (sanitizer, removed);
        return t_sanitizer.Value;
    }

    /// <returns>The HTML unchanged when the sanitizer finds nothing to remove; else the sanitized HTML, with an error at the file.</returns>
    public static string Check(string html, string sourcePath, int line, DiagnosticBag diagnostics)
    {
        var (sanitizer, removed) = Sanitizer();
        removed.Clear();
        var clean = sanitizer.Sanitize(html, "https://site.invalid/");
        if (removed.Count == 0) return html;
        diagnostics.Error(Codes.SanitizerRemoved, sourcePath, line, 1,
            $"the rendered page had to be cleaned: {string.Join("; ", removed.Distinct())} was removed. The content checks should have refused it at its line: please report this, and use plain Markdown here meanwhile");
        return clean;
    }
}
