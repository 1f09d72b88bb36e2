using System.Collections.Concurrent;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render.Strings;
using Scriban.Runtime;

namespace RoadmapGen.Render.Templates;

/// <summary>
/// The templates of one build: parsed once, checked for the layout, and shared read-only by
/// every page rendered in parallel. Pages are rendered through a <see cref="TemplateRun"/>.
/// </summary>
public sealed class TemplateEngine
{
    public const string LayoutName = "layouts/base";

    private TemplateEngine(string root, TemplateSet set, InterfaceStrings strings, IReadOnlyList<StringUse> stringUses)
    {
        StringUses = stringUses;
        Root = root;
        Set = set;
        Strings = strings;
        Builtins = TemplateBuiltins.Create();
    }

    public string Root { get; }

    internal TemplateSet Set { get; }

    internal ScriptObject Builtins { get; }

    /// <summary>The interface strings of every language (templates/strings), checked against the keys the templates use.</summary>
    public InterfaceStrings Strings { get; }

    /// <summary>Every key the templates ask for by a literal (<c>t "…"</c>), at its line, and every key the scripts read (<see cref="ScriptStrings"/>).</summary>
    public IReadOnlyList<StringUse> StringUses { get; }

    /// <param name="previous">serve's last engine: only templates whose text changed are parsed again.</param>
    public static TemplateEngine? Load(string templatesRoot, DiagnosticBag diagnostics, TemplateEngine? previous = null)
    {
        var root = Path.GetFullPath(templatesRoot).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(Codes.TemplatesFolderMissing, DisplayPath.Of(root), 0, 0,
                "the templates folder does not exist (run from the repository root, or pass --templates <folder>)");
            return null;
        }
        var set = TemplateSet.Load(root, diagnostics, previous?.Root == root ? previous.Set : null);
        if (set is null) return null;
        if (set.Find(LayoutName) is null)
        {
            diagnostics.Error(Codes.TemplateMissing, DisplayPath.Of(Path.Combine(root, LayoutName + TemplateFolder.Extension)), 0, 0,
                $"the base layout is missing (every page is wrapped in {LayoutName}{TemplateFolder.Extension}; restore it)");
            return null;
        }
        var strings = InterfaceStrings.Load(root, diagnostics);
        if (strings is null) return null;
        var uses = set.Files.OrderBy(f => f.Name, StringComparer.Ordinal)
            .SelectMany(f => TranslateFunctions.Uses(f.Parsed.Page!, f.Display)).Concat(ScriptStrings.Uses(strings)).ToList();
        strings.Check(uses, diagnostics);
        return new TemplateEngine(root, set, strings, uses);
    }

    /// <summary>Display paths of the page template, the partials and the layout: where a template link can come from.</summary>
    public IReadOnlyList<string> SourcesFor(string pageTemplate) => _sources.GetOrAdd(pageTemplate, name =>
        new[] { Set.File(name) }
            .Concat(Set.Files.Where(f => f.Name.StartsWith("partials/", StringComparison.Ordinal)).OrderBy(f => f.Name, StringComparer.Ordinal))
            .Append(Set.File(LayoutName))
            .OfType<TemplateFile>().Select(f => f.Display).ToList());

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _sources = new(StringComparer.Ordinal);

    /// <param name="largestLoop">The most items any template may loop over (all topics, say): sets the loop limit.</param>
    /// <param name="memo">serve's pages of the last run: a page whose templates would read the same is not rendered again.</param>
    public TemplateRun BeginRun(int largestLoop, IRenderReuse? reuse = null) => new(this, largestLoop, reuse ?? IRenderReuse.None);

    /// <summary>Names this set of template texts; part of every page's fingerprint.</summary>
    internal string Version => _version ??= PageFingerprint.VersionOf(Set.Files.Select(f => (f.Name, f.Text))
        .Concat(Strings.Tables.Select(t => (InterfaceStrings.Folder + "/" + t.Language, t.Text))));

    private string? _version;
}
