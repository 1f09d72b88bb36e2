using RoadmapGen.Check;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Tests.Fuzz;

/// <summary>
/// Remembers only what cannot change between fuzz cases, the parsed templates (never
/// mutated) and a page's links while its HTML is unchanged, so each case still reads and parses every
/// content file, as a build does, but pays for the rest once.
/// </summary>
public sealed class MemoBuildCache : IBuildCache, IContentCache
{
    private readonly Lock _lock = new();
    private (TemplateEngine? Engine, IReadOnlyList<Diagnostic> Diagnostics)? _templates;
    private readonly Dictionary<string, (string Html, PageLinks Links)> _pages = new(StringComparer.Ordinal);

    public IContentCache Content => this;

    public void BeginLoad(IReadOnlyCollection<string> contentFiles) { }

    public T? Read<T>(string fullPath, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> read) where T : class => read(diagnostics);

    public TemplateEngine? Templates(string templatesRoot, DiagnosticBag diagnostics)
    {
        lock (_lock)
        {
            if (_templates is null)
            {
                var own = new DiagnosticBag();
                _templates = (TemplateEngine.Load(templatesRoot, own), own.Sorted());
            }
        }
        foreach (var diagnostic in _templates.Value.Diagnostics) diagnostics.Add(diagnostic);
        return _templates.Value.Engine;
    }

    /// <summary>Kept per page path, so only the pages a case changed are parsed again (and once more after it).</summary>
    public PageLinks Links(OutputFile page)
    {
        lock (_lock)
            if (_pages.TryGetValue(page.Path, out var known) && string.Equals(known.Html, page.Html, StringComparison.Ordinal)) return known.Links;
        var links = PageLinks.Parse(page.Html!);
        lock (_lock) _pages[page.Path] = (page.Html!, links);
        return links;
    }
}
