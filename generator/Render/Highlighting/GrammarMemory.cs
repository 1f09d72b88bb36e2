using System.Runtime.InteropServices;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// Gives back the memory of grammars a build has finished with. Their compiled patterns are
/// Oniguruma's, allocated with malloc (about 100 MB for the real site's 20 languages, more than
/// the GC heap ever holds in that build), and only a pattern's finalizer frees them. So until a
/// full collection the freed grammars stay resident, and even then glibc keeps the freed pages for
/// its next malloc, which in a build past highlighting never comes; the rest of the build then
/// allocates its pages on top. Freeing them once the code is highlighted took the real site's peak
/// from 318 to 225 MiB under the JIT at the same CPU (tests/bench/README.md).
/// </summary>
internal static partial class GrammarMemory
{
    /// <summary>Forgets <paramref name="grammars"/>' languages and returns the memory their patterns held.</summary>
    public static void Free(LanguageGrammars grammars)
    {
        // A build whose code all came from the store loaded no grammar: nothing to collect.
        if (grammars.Release() == 0) return;
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
