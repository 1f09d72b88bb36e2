using System.Diagnostics;
using RoadmapGen.Check;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Memo;
using RoadmapGen.Render;
using RoadmapGen.Render.Templates;

namespace RoadmapGen;

/// <summary>Load → Render → Check, in memory. Writing is the caller's choice (build writes, serve serves).</summary>
public static class SiteBuild
{
    /// <param name="rendered">Called with the rendered files before they are checked, so a caller can start writing them.</param>
    /// <param name="memo">What may be reused from earlier builds (serve's); a build makes its own, for the run.</param>
    /// <param name="first">Pages to render and hand over before the rest (serve's).</param>
    /// <param name="cancel">
    /// serve's, cancelled by a newer save: the build stops at its next safe point (between phases,
    /// between pages; never inside the first pages) with an <see cref="OperationCanceledException"/>,
    /// and the memo keeps only what stands whole (see <see cref="IRenderReuse.EndRun"/>, <see cref="ICheckReuse.End"/>).
    /// </param>
    public static BuildResult Run(BuildOptions options, BuildMemo? memo = null, Action<IReadOnlyList<OutputFile>>? rendered = null, FirstPages? first = null,
        CancellationToken cancel = default)
    {
        memo ??= new BuildMemo(Keep.Nothing);
        memo.Builds(options.Content);
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var timings = BuildTimings.Start(clock);
        void Phase(string name) => timings?.Phase(name);
        // Parsing templates is single-threaded: overlap it with loading content.
        var templatesTask = Task.Run(() => memo.Templates(options.Templates, diagnostics));
        var memory = BuildMemory.For(memo);
        var files = LoadAndRender(options, memo, memory, diagnostics, templatesTask, Phase, first, cancel);
        cancel.ThrowIfCancellationRequested();
        if (files is null || diagnostics.HasErrors) return new BuildResult(files ?? [], diagnostics, 0, 0, clock.Elapsed);
        var urls = new Routes(options.BasePath);
        memory.AfterRender();
        rendered?.Invoke(files);
        cancel.ThrowIfCancellationRequested();

        var checker = new LinkChecker(urls, siteUrl: null, displayPath: f => f.SourcePath ?? f.Path, memo.Check);
        var result = checker.Check(files, diagnostics, cancel);
        Phase("check");
        timings?.Reuse(memo);
        if (timings is not null) Render.Highlighting.GrammarTimings.Print(Console.Error);
        return new BuildResult(files, diagnostics, result.Pages, result.LinksChecked, clock.Elapsed);
    }

    /// <summary>
    /// Its own method so the content model (every topic's Markdown tree) is unreachable once the
    /// pages exist: the check of a 10,000-topic site then runs without it in memory.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IReadOnlyList<OutputFile>? LoadAndRender(BuildOptions options, BuildMemo memo, BuildMemory memory, DiagnosticBag diagnostics,
        Task<TemplateEngine?> templatesTask, Action<string> phase, FirstPages? first, CancellationToken cancel)
    {
        var site = SiteLoader.Load(options.Content, diagnostics, memo.Load);
        phase("load");
        var templates = templatesTask.GetAwaiter().GetResult();
        phase("parse");
        // A save during the load may have been read or not: the next build loads again.
        cancel.ThrowIfCancellationRequested();
        if (site is null || templates is null || diagnostics.HasErrors) return null;
        var renderer = new SiteRenderer(site, templates, new Routes(options.BasePath), memo.Render)
        {
            // Two points of a cold build's timeline for ROADMAPGEN_TIMINGS: every block highlighted
            // ahead of the pages ("code"), and the grammars' memory handed back ("released": a
            // blocking collection, then their finalizers, on one core).
            Highlighted = () =>
            {
                phase("code");
                memory.AfterHighlighting();
                phase("released");
            },
        };
        if (first is { Paths.Count: > 0 })
        {
            // Its diagnostics are the whole render's too, which reports them; a first page with
            // an error is not handed over.
            var own = new DiagnosticBag();
            var firstFiles = renderer.RenderFirst(first.Paths, own);
            phase("first");
            if (!own.HasErrors) first.Ready(firstFiles);
            cancel.ThrowIfCancellationRequested();
        }
        var files = renderer.Render(diagnostics, cancel);
        phase("render");
        return files;
    }
}
