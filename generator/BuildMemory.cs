using System.Runtime;
using System.Runtime.InteropServices;
using RoadmapGen.Memo;
using RoadmapGen.Render.Highlighting;

namespace RoadmapGen;

/// <summary>
/// When a build hands memory back before it ends: the two points where much of what it holds has
/// just become garbage it will not touch again. One decision for both: a one-off build hands it
/// back; serve, whose memo keeps the content between rebuilds, does not, since its next rebuild
/// wants the grammars loaded and the heap as it grew (and its own idle collections run later).
/// </summary>
internal sealed partial class BuildMemory
{
    /// <summary>Above it, the garbage render leaves is the largest part of a build's peak memory.</summary>
    private const long LargeHeap = 512L * 1024 * 1024;

    private readonly bool _handsBack;

    private BuildMemory(bool handsBack) => _handsBack = handsBack;

    /// <summary>A memo that keeps content is serve's: its process builds again, so it keeps what a build frees.</summary>
    public static BuildMemory For(BuildMemo memo) => new(handsBack: !memo.KeepsContent);

    /// <summary>
    /// Once every code block is highlighted (the memo holds what the pages will ask for), the
    /// grammars go, and with them their compiled patterns: Oniguruma's, malloc'd, about 100 MB for
    /// the real site's 20 languages, more than the GC heap ever holds in that build. Only a
    /// pattern's finalizer frees one, so they stay resident until a full collection, and even then
    /// glibc keeps the freed pages for a next malloc that, past highlighting, never comes; the rest
    /// of the build would allocate its pages on top. No size rule: on the real site it took the
    /// peak from 273 to 205 MiB at 0.95× CPU, and at 10,000 topics in ten roadmaps, where the
    /// collection after render runs too, from 1,051 to 986 MiB at 0.97× CPU (native binary, store
    /// off, interleaved whole-process runs with it and without, 2026-12-07; tests/bench/README.md).
    /// </summary>
    public void AfterHighlighting()
    {
        if (_handsBack) FreeGrammars(CodeHighlighter.ReleaseGrammars);
    }

    /// <summary>
    /// Once the pages exist, the content model and render's intermediates are garbage, and check
    /// would allocate on top of them. In a large build, one compacting collection here lowers the
    /// peak (10,000 topics in one roadmap: 1,199 MiB instead of 1,318 MiB, and 5% faster, in
    /// interleaved runs); in a small one it cost more than it saved (the real site: 7% slower,
    /// measured while its live heap was mostly grammars), so it runs only above <see cref="LargeHeap"/>.
    /// </summary>
    public void AfterRender()
    {
        if (!_handsBack || GC.GetTotalMemory(forceFullCollection: false) < LargeHeap) return;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <param name="release">Forgets the grammars; returns how many languages had one.</param>
    internal static void FreeGrammars(Func<int> release)
    {
        // A build whose code all came from the store loaded no grammar: nothing to collect.
        if (release() == 0) return;
        // Not compacting: nothing moves, the collection only finds the patterns for their finalizers.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        GC.WaitForPendingFinalizers();
        TrimNativeHeap();
    }

    /// <summary>glibc's malloc_trim: hands the free pages inside the native heap back to the system.</summary>
    private static void TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallocTrim(0);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without it (musl): the memory is still free for native code to reuse.
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
