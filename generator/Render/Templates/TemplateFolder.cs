using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// Resolves <c>include 'partials/header'</c> to a template under <c>templates/</c> and refuses
/// any name that leaves it (<c>..</c>, a rooted path, a drive, a backslash). Names are relative
/// to the templates folder; the <c>.sbn-html</c> extension may be left out.
/// </summary>
public sealed class TemplateFolder(string root) : ITemplateLoader
{
    public const string Extension = ".sbn-html";

    public string Root { get; } = root;

    /// <summary>The template's name: its path under the root with '/' separators and no extension.</summary>
    public static string NameOf(string root, string file) =>
        Path.GetRelativePath(root, file).Replace('\\', '/')[..^Extension.Length];

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = templateName.EndsWith(Extension, StringComparison.Ordinal) ? templateName[..^Extension.Length] : templateName;
        var segments = name.Split('/');
        var leaves = name.Length == 0 || name.Contains('\\') || name.Contains(':') || Path.IsPathRooted(name)
            || segments.Any(s => s is "" or "." or "..");
        var full = Path.GetFullPath(Path.Combine(Root, name + Extension));
        if (leaves || !full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new TemplateFaultException(callerSpan, TemplateFaultKind.OutsideTemplates,
                $"include '{templateName}' names a file outside templates/ (includes are paths inside templates/, such as 'partials/header')");
        return name;
    }

    /// <summary>Never reached by a build: every template is parsed once up front and served from there.</summary>
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new TemplateFaultException(callerSpan, TemplateFaultKind.MissingTemplate, MissingMessage(templatePath));

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

    public static string MissingMessage(string name) =>
        $"include '{name}': there is no templates/{name}{Extension} (create it, or fix the name)";
}
