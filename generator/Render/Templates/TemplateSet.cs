using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using Scriban;
using Scriban.Parsing;

namespace RoadmapGen.Render.Templates;

/// <summary>One template file: its parsed form, its text (for locating the markup it writes) and where it lives.</summary>
public sealed record TemplateFile(string Name, string Display, string Text, Template Parsed);

/// <summary>
/// Every <c>*.sbn-html</c> under <c>templates/</c>, each parsed once. Parse errors become RG0201
/// at the template's line and column: one per file, because after the first mistake (an
/// unclosed block, say) Scriban's later messages are its consequences.
/// </summary>
public sealed class TemplateSet
{
    private readonly Dictionary<string, TemplateFile> _files;

    private TemplateSet(TemplateFolder folder, Dictionary<string, TemplateFile> files)
    {
        Folder = folder;
        _files = files;
        ByText = files.Values.ToDictionary<TemplateFile, string, TemplateFile>(f => f.Text, f => f, ReferenceEqualityComparer.Instance);
    }

    /// <summary>
    /// Each file by the very string it was parsed from: Scriban writes a template's raw text as
    /// slices of that string, so a write names its file and its offset in it (see <see cref="TracedOutput"/>).
    /// </summary>
    internal IReadOnlyDictionary<string, TemplateFile> ByText { get; }

    public TemplateFolder Folder { get; }

    public IEnumerable<TemplateFile> Files => _files.Values;

    public Template? Find(string name) => _files.GetValueOrDefault(name)?.Parsed;

    public TemplateFile? File(string name) => _files.GetValueOrDefault(name);

    /// <param name="previous">The last build's set: a file whose text has not changed keeps its parsed form.</param>
    public static TemplateSet? Load(string root, DiagnosticBag diagnostics, TemplateSet? previous = null)
    {
        var folder = new TemplateFolder(root);
        var files = new Dictionary<string, TemplateFile>(StringComparer.Ordinal);
        var ok = true;
        foreach (var path in Directory.GetFiles(root, "*" + TemplateFolder.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!LinkedFiles.StaysInside(root, path, diagnostics)) { ok = false; continue; }
            var name = TemplateFolder.NameOf(root, path);
            var display = DisplayPath.Of(path);
            var source = SourceText.Read(path, display, diagnostics);
            if (source is null) { ok = false; continue; }
            if (previous?.File(name) is { } kept && kept.Text == source.Text && kept.Display == display)
            {
                files[name] = kept;
                continue;
            }
            var parsed = Template.Parse(source.Text, name);
            if (parsed.HasErrors)
            {
                ok = false;
                Report(parsed, source.Text, display, diagnostics);
                continue;
            }
            files[name] = new TemplateFile(name, display, source.Text, parsed);
        }
        return ok ? new TemplateSet(folder, files) : null;
    }

    private static void Report(Template parsed, string text, string display, DiagnosticBag diagnostics)
    {
        var first = parsed.Messages.First(m => m.Type == ParserMessageType.Error);
        var atEnd = first.Span.Start.Offset >= text.TrimEnd().Length - 1;
        if (atEnd && UnclosedBlock.Find(text) is { } opener)
        {
            diagnostics.Error(Codes.TemplateSyntax, display, opener.Line, opener.Column,
                $"template syntax error: this '{opener.Keyword}' block is never closed (add {{{{ end }}}} where it should end)");
            return;
        }
        diagnostics.Error(Codes.TemplateSyntax, display, first.Span.Start.Line + 1, first.Span.Start.Column + 1,
            $"template syntax error: {first.Message.TrimEnd('.')} (fix the template here; Scriban's syntax: https://github.com/scriban/scriban/blob/master/doc/language.md)");
    }
}
