using RoadmapGen.Check;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;
using RoadmapGen.Render.Templates;

namespace RoadmapGen.Memo;

/// <summary>What a <see cref="BuildMemo"/> keeps from one build for the next.</summary>
[Flags]
public enum Keep
{
    /// <summary>A build: reuse only within the run (and the stores: highlighted code, the safety net's verdicts, pages' links, git's history while HEAD's commit is the same).</summary>
    Nothing = 0,
    /// <summary>Each content file's parse while the file's bytes are the same, and git's dates while its history is.</summary>
    Content = 1,
    /// <summary>The parsed templates until a template changes (then only the changed ones are parsed again).</summary>
    Templates = 2,
    /// <summary>Rendered pages and Markdown, by what they were made from.</summary>
    Pages = 4,
    /// <summary>Each page's parsed ids and links while its bytes are the same.</summary>
    PageParses = 8,
    /// <summary>Each page's link verdict while nothing it looked up changed.</summary>
    Verdicts = 16,
    /// <summary>serve: everything.</summary>
    Everything = Content | Templates | Pages | PageParses | Verdicts,
}

/// <summary>
/// The one memo layer between the stages: each stage computes its results from explicit inputs
/// and asks, through its reuse interface (<see cref="ILoadReuse"/>, <see cref="IRenderReuse"/>,
/// <see cref="ICheckReuse"/>), whether an earlier result stands; this decides, by what the result
/// was made from (a file's content hash, what a page's templates read, a block's code, a page's bytes). A build
/// uses one for the run (<see cref="Keep.Nothing"/>); serve keeps one for its life.
/// </summary>
public sealed class BuildMemo
{
    private readonly Keep _keep;
    private readonly ContentMemo? _content;
    private readonly HistoryStore _history;
    private readonly RenderMemo _render;
    private readonly CheckMemo _check;
    private (TemplateEngine? Engine, IReadOnlyList<Diagnostic> Diagnostics)? _templates;
    /// <summary>The last engine that loaded: its unchanged templates are not parsed again.</summary>
    private TemplateEngine? _lastGood;
    private readonly Lock _templatesLock = new();
    /// <summary>The content folder's name in the stores' files (<see cref="StoreFolder.Site"/>); none before a build says which.</summary>
    private string? _site;

    /// <param name="storeFolder">
    /// Where the safety net's verdicts, the pages' links and git's history are kept for the next process; null:
    /// the user's cache folder (<see cref="StoreFolder"/>). Highlighted code is kept for the process (<see cref="HighlightMemo"/>).
    /// </param>
    public BuildMemo(Keep keep, string? storeFolder = null)
    {
        _keep = keep;
        _content = keep.HasFlag(Keep.Content) ? new ContentMemo() : null;
        var folder = storeFolder ?? StoreFolder.Configured();
        _history = new HistoryStore(folder);
        _render = new RenderMemo(betweenRuns: keep.HasFlag(Keep.Pages),
            guards: () => _site is { } site ? GuardStore.Open(folder, site) : null);
        _check = new CheckMemo(parses: keep.HasFlag(Keep.PageParses), verdicts: keep.HasFlag(Keep.Verdicts),
            store: () => _site is { } site ? PageLinksStore.Open(folder, site) : null);
    }

    /// <summary>
    /// Which content folder this memo's builds read, said by each build before it renders: the
    /// stores kept for the next process are opened on first use and named by it, so sites built
    /// by turns with one cache folder do not replace each other's.
    /// </summary>
    public void Builds(string contentFolder) => _site ??= StoreFolder.Site(contentFolder);

    /// <summary>
    /// Whether the loaded model may be seen again: serve's memo, whose process builds again. Then a
    /// build hands no memory back early, neither the model nor the grammars (<see cref="BuildMemory"/>).
    /// </summary>
    public bool KeepsContent => _content is not null;

    /// <summary>serve's memo of content files and git's history; a build's: git's history from the store (<see cref="HistoryStore"/>).</summary>
    public ILoadReuse Load => (ILoadReuse?)_content ?? _history;

    public IRenderReuse Render => _render;

    public ICheckReuse Check => _check;

    /// <summary>Content files read and parsed by the last load (the rest came from the memo).</summary>
    public int FilesParsed => _content?.FilesParsed ?? 0;

    /// <summary>Markdown bodies the last render rendered (the others kept their HTML); serve's only.</summary>
    public int MarkdownRendered => _render.MarkdownRendered;

    /// <summary>Pages the last render rendered (the others kept their bytes).</summary>
    public int PagesRendered => _render.LastRun.Rendered;

    /// <summary>Pages whose links the last check checked (the others kept their verdicts).</summary>
    public int PagesChecked => _check.PagesChecked;

    /// <summary>Pages the last check read for their ids and links (the others' came from the memo or the store).</summary>
    public int PagesParsed => _check.PagesParsed;

    public void InvalidateTemplates()
    {
        lock (_templatesLock) _templates = null;
    }

    public void Clear()
    {
        _content?.Clear();
        lock (_templatesLock)
        {
            _templates = null;
            _lastGood = null;
        }
        _render.Clear();
        _check.Clear();
    }

    /// <summary>The parsed templates, parsing again only what changed when templates are kept; their diagnostics either way.</summary>
    public TemplateEngine? Templates(string templatesRoot, DiagnosticBag diagnostics)
    {
        if (!_keep.HasFlag(Keep.Templates)) return TemplateEngine.Load(templatesRoot, diagnostics);
        (TemplateEngine? Engine, IReadOnlyList<Diagnostic> Diagnostics) cached;
        lock (_templatesLock)
        {
            if (_templates is not { } kept)
            {
                var own = new DiagnosticBag();
                kept = (TemplateEngine.Load(templatesRoot, own, _lastGood), own.Sorted());
                _templates = kept;
                _lastGood = kept.Engine ?? _lastGood;
            }
            cached = kept;
        }
        foreach (var diagnostic in cached.Diagnostics) diagnostics.Add(diagnostic);
        return cached.Engine;
    }
}
