using System.Diagnostics;
using System.Runtime;
using RoadmapGen.Check;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Memo;
using RoadmapGen.Render;
using RoadmapGen.Render.Templates;

namespace RoadmapGen;

public sealed record BuildOptions(string Content = "content", string Templates = "templates", string BasePath = "/");

public sealed record BuildResult(IReadOnlyList<OutputFile> Files, DiagnosticBag Diagnostics, int Pages, int LinksChecked, TimeSpan Elapsed)
{
    public bool Succeeded => !Diagnostics.HasErrors;
}

/// <summary>Load → Render → Check, in memory. Writing is the caller's choice (build writes, serve serves).</summary>
public static class SiteBuild
{
    /// <param name="rendered">Called with the rendered files before they are checked, so a caller can start writing them.</param>
    /// <param name="memo">What may be reused from earlier builds (serve's); a build makes its own, for the run.</param>
    public static BuildResult Run(BuildOptions options, BuildMemo? memo = null, Action<IReadOnlyList<OutputFile>>? rendered = null)
    {
        memo ??= new BuildMemo(Keep.Nothing);
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        // ROADMAPGEN_TIMINGS=1 prints where a build's time goes, for profiling without a profiler.
        var timings = Environment.GetEnvironmentVariable("ROADMAPGEN_TIMINGS") == "1" ? Console.Error : null;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        void Phase(string name) => timings?.WriteLine(
            $"{name,-8} {clock.ElapsedMilliseconds,6} ms, cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,6:0} ms, "
            + $"allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0,7:0.0} MB, collections (gen 0/1/2) "
            + $"{GC.CollectionCount(0) - collectionsBefore.Item1}/{GC.CollectionCount(1) - collectionsBefore.Item2}/{GC.CollectionCount(2) - collectionsBefore.Item3}");
        // Parsing templates is single-threaded: overlap it with loading content.
        var templatesTask = Task.Run(() => memo.Templates(options.Templates, diagnostics));
        var files = LoadAndRender(options, memo, diagnostics, templatesTask, Phase);
        if (files is null || diagnostics.HasErrors) return new BuildResult(files ?? [], diagnostics, 0, 0, clock.Elapsed);
        var urls = new Routes(options.BasePath);
        if (!memo.KeepsContent) CollectRenderGarbage();
        rendered?.Invoke(files);

        var checker = new LinkChecker(urls, siteUrl: null, displayPath: f => f.SourcePath ?? f.Path, memo.Check);
        var result = checker.Check(files, diagnostics);
        Phase("check");
        return new BuildResult(files, diagnostics, result.Pages, result.LinksChecked, clock.Elapsed);
    }

    /// <summary>Above it, the garbage render leaves is the largest part of a build's peak memory.</summary>
    private const long LargeHeap = 512L * 1024 * 1024;

    /// <summary>
    /// Once the pages exist, the content model and render's intermediates are garbage, and check
    /// would allocate on top of them. In a large build, one compacting collection here lowers the
    /// peak (10,000 topics in one roadmap: 1,199 MiB instead of 1,318 MiB, and 5% faster, in
    /// interleaved runs); in a small one it costs more than it saves (the real site: 7% slower,
    /// its live heap being mostly highlighting grammars), so it runs only above <see cref="LargeHeap"/>.
    /// serve, whose memo keeps the model's sources between rebuilds, never runs it.
    /// </summary>
    private static void CollectRenderGarbage()
    {
        if (GC.GetTotalMemory(forceFullCollection: false) < LargeHeap) return;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// Its own method so the content model (every topic's Markdown tree) is unreachable once the
    /// pages exist: the check of a 10,000-topic site then runs without it in memory.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IReadOnlyList<OutputFile>? LoadAndRender(BuildOptions options, BuildMemo memo, DiagnosticBag diagnostics,
        Task<TemplateEngine?> templatesTask, Action<string> phase)
    {
        var site = SiteLoader.Load(options.Content, diagnostics, memo.Load);
        phase("load");
        var templates = templatesTask.GetAwaiter().GetResult();
        phase("parse");
        if (site is null || templates is null || diagnostics.HasErrors) return null;
        var files = new SiteRenderer(site, templates, new Routes(options.BasePath), memo.Render).Render(diagnostics);
        phase("render");
        return files;
    }
}
