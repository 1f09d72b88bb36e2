using System.Diagnostics;

namespace RoadmapGen;

/// <summary>
/// Where a build's time and memory go, for profiling without a profiler: with ROADMAPGEN_TIMINGS=1,
/// each phase prints its end time, the CPU time, what was allocated, the collections so far, and
/// the memory the process holds (the GC heap, what the GC has committed, the peak resident set).
/// </summary>
internal sealed class BuildTimings
{
    private readonly Stopwatch _clock;
    private readonly long _allocatedBefore = GC.GetTotalAllocatedBytes();
    private readonly (int, int, int) _collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private BuildTimings(Stopwatch clock) => _clock = clock;

    /// <summary>The timings of a build that started on <paramref name="clock"/>, or null when they are not asked for.</summary>
    public static BuildTimings? Start(Stopwatch clock) =>
        Environment.GetEnvironmentVariable("ROADMAPGEN_TIMINGS") == "1" ? new BuildTimings(clock) : null;

    /// <summary>What the build did rather than reuse: in serve, the work an edit cost.</summary>
    public void Reuse(Memo.BuildMemo memo) => Console.Error.WriteLine(
        $"reuse    {memo.FilesParsed} content files parsed, {memo.PagesRendered} pages rendered, {memo.PagesParsed} pages read for links, {memo.PagesChecked} pages checked");

    public void Phase(string name)
    {
        var gc = GC.GetGCMemoryInfo();
        Console.Error.WriteLine(
            $"{name,-8} {_clock.ElapsedMilliseconds,6} ms, cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,6:0} ms, "
            + $"allocated {(GC.GetTotalAllocatedBytes() - _allocatedBefore) / 1048576.0,7:0.0} MB, collections (gen 0/1/2) "
            + $"{GC.CollectionCount(0) - _collectionsBefore.Item1}/{GC.CollectionCount(1) - _collectionsBefore.Item2}/{GC.CollectionCount(2) - _collectionsBefore.Item3}, "
            + $"heap {GC.GetTotalMemory(false) / 1048576.0:0} MB, committed {gc.TotalCommittedBytes / 1048576.0:0} MB, peak resident {PeakResident()}");
    }

    /// <summary>The process's peak resident set so far (Linux's VmHWM), or "?" where the kernel does not say.</summary>
    private static string PeakResident()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) return line["VmHWM:".Length..].Trim().Replace(" kB", " KB");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return "?";
    }
}
