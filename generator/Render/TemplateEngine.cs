using System.Text.RegularExpressions;
using HandlebarsDotNet;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;

namespace RoadmapGen.Render;

/// <summary>
/// The one class that knows the template engine. Handlebars.Net stands in for Scriban (not
/// served by this project's package registry); swapping engines touches only this file.
/// Templates are compiled once; template mistakes become diagnostics at the template's line.
/// </summary>
public sealed partial class TemplateEngine
{
    private const string LayoutName = "layouts/base";
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Display, string Text)> _sources = new(StringComparer.Ordinal);

    public string Root { get; }

    private TemplateEngine(string root) => Root = root;

    public static TemplateEngine? Load(string templatesRoot, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(templatesRoot);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(Codes.TemplatesFolderMissing, DisplayPath.Of(root), 0, 0,
                "the templates folder does not exist (run from the repository root, or pass --templates <folder>)");
            return null;
        }
        var engine = new TemplateEngine(root);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        var ok = true;
        foreach (var file in Directory.GetFiles(root, "*.hbs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, file).Replace('\\', '/')[..^4];
            var display = DisplayPath.Of(file);
            var source = SourceText.Read(file, display, diagnostics);
            if (source is null) { ok = false; continue; }
            engine._sources[name] = (display, source.Text);
            try
            {
                if (name.StartsWith("partials/", StringComparison.Ordinal))
                    handlebars.RegisterTemplate(name["partials/".Length..], source.Text);
                else
                    engine._compiled[name] = handlebars.Compile(source.Text);
            }
            catch (HandlebarsException e)
            {
                ok = false;
                var (line, column) = Position(e.Message, source.Text);
                diagnostics.Error(Codes.TemplateSyntax, display, line, column, $"template syntax error: {FirstLine(e.Message)}");
            }
        }
        if (!engine._compiled.ContainsKey(LayoutName))
        {
            diagnostics.Error(Codes.TemplateMissing, DisplayPath.Of(Path.Combine(root, LayoutName + ".hbs")), 0, 0,
                "the base layout is missing (every page is wrapped in layouts/base.hbs; restore it)");
            ok = false;
        }
        // Partials are compiled lazily by Handlebars.Net; render each once so their syntax errors surface here.
        foreach (var (name, (display, text)) in engine._sources.Where(s => s.Key.StartsWith("partials/", StringComparison.Ordinal)))
        {
            try { handlebars.Compile(text); }
            catch (HandlebarsException e)
            {
                ok = false;
                var (line, column) = Position(e.Message, text);
                diagnostics.Error(Codes.TemplateSyntax, display, line, column, $"template syntax error: {FirstLine(e.Message)}");
            }
        }
        return ok ? engine : null;
    }

    /// <summary>Display paths of the page template, its partials and the layout: where a template link can come from.</summary>
    public IReadOnlyList<string> SourcesFor(string template) =>
        new[] { template }.Concat(_sources.Keys.Where(k => k.StartsWith("partials/", StringComparison.Ordinal))).Append(LayoutName)
            .Where(_sources.ContainsKey).Select(k => _sources[k].Display).ToList();

    public string? TemplateText(string display) => _sources.Values.FirstOrDefault(s => s.Display == display).Text;

    /// <summary>Renders <c>pages/{template}</c> and wraps it in the base layout.</summary>
    public string? Render(string template, Dictionary<string, object?> model, DiagnosticBag diagnostics)
    {
        var name = "pages/" + template;
        if (!_compiled.TryGetValue(name, out var page))
        {
            diagnostics.Error(Codes.TemplateMissing, DisplayPath.Of(Path.Combine(Root, name + ".hbs")), 0, 0,
                $"the page template '{name}.hbs' is missing (restore it from the repository)");
            return null;
        }
        if (!Run(name, page, model, diagnostics, out var body)) return null;
        model["body"] = body;
        return Run(LayoutName, _compiled[LayoutName], model, diagnostics, out var html) ? html : null;
    }

    private bool Run(string name, HandlebarsTemplate<object, object> template, object model, DiagnosticBag diagnostics, out string output)
    {
        output = "";
        try
        {
            output = template(model);
            return true;
        }
        catch (HandlebarsException e)
        {
            ReportRuntime(name, e, diagnostics);
            return false;
        }
    }

    private void ReportRuntime(string name, HandlebarsException e, DiagnosticBag diagnostics)
    {
        var message = FirstLine(e.Message);
        if (PartialName().Match(message) is { Success: true } partial)
        {
            var (display, line, column) = Find(name, "{{>\\s*" + Regex.Escape(partial.Groups[1].Value));
            diagnostics.Error(Codes.TemplateMissing, display, line, column,
                $"partial '{partial.Groups[1].Value}' does not exist (create templates/partials/{partial.Groups[1].Value}.hbs, or fix the name)");
        }
        else if (HelperName().Match(message) is { Success: true } helper)
        {
            var helperName = helper.Groups[1].Value.TrimStart('#');
            var (display, line, column) = Find(name, "{{[#~]?\\s*" + Regex.Escape(helperName) + "[\\s}]");
            diagnostics.Error(Codes.UnknownHelper, display, line, column,
                $"unknown helper '{helperName}' (built-in helpers: if, unless, each, with, lookup; check the spelling)");
        }
        else
        {
            diagnostics.Error(Codes.TemplateRuntime, _sources[name].Display, 0, 0, $"template error: {message}");
        }
    }

    /// <summary>Where a construct occurs: the named template first, then the partials it may include.</summary>
    private (string Display, int Line, int Column) Find(string name, string pattern)
    {
        var regex = new Regex(pattern);
        foreach (var key in new[] { name }.Concat(_sources.Keys.Where(k => k != name)))
        {
            var (display, text) = _sources[key];
            var match = regex.Match(text);
            if (!match.Success) continue;
            var line = 1 + text.AsSpan(0, match.Index).Count('\n');
            var column = match.Index - (text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1) + 1;
            return (display, line, column);
        }
        return (_sources[name].Display, 0, 0);
    }

    private static (int Line, int Column) Position(string message, string text)
    {
        var match = OccurredAt().Match(message);
        if (match.Success) return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
        var closing = ClosingElement().Match(message);
        if (closing.Success)
        {
            var index = text.IndexOf("{{" + closing.Groups[1].Value, StringComparison.Ordinal);
            if (index >= 0) return (1 + text.AsSpan(0, index).Count('\n'), index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1);
        }
        return (1, 1);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex(@"Occured at:\s*(\d+):(\d+)")]
    private static partial Regex OccurredAt();

    [GeneratedRegex(@"closing element '(/[^']+)'")]
    private static partial Regex ClosingElement();

    [GeneratedRegex(@"partial name '([^']+)'")]
    private static partial Regex PartialName();

    [GeneratedRegex(@"helper that cannot be resolved\. (?:Block)?Helper '([^']+)'")]
    private static partial Regex HelperName();
}
