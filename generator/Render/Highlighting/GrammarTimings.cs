using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace RoadmapGen.Render.Highlighting;

/// <summary>
/// With <c>ROADMAPGEN_TIMINGS=1</c>, what each grammar cost this process, in CPU time of the thread
/// that paid it (wall time means little on a shared machine): reading its JSON, linking it into
/// a language's grammar (every grammar it embeds found and copied, its rules built), and
/// tokenizing, where Oniguruma compiles each rule's patterns the first time a line reaches it.
/// </summary>
internal static partial class GrammarTimings
{
    public static readonly bool On = Environment.GetEnvironmentVariable("ROADMAPGEN_TIMINGS") == "1";

    private sealed class Figures
    {
        public double Ms;
        public int Count;
        public double FirstMs = -1;
    }

    private static readonly ConcurrentDictionary<(string Step, string Name), Figures> Steps = new();

    /// <summary>The calling thread's CPU time in milliseconds (0 when timings are off).</summary>
    public static double Now()
    {
        if (!On || ClockGetTime(ThreadCpuClock, out var time) != 0) return 0;
        return time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
    }

    public static void Add(string step, string name, double startMs)
    {
        if (!On) return;
        var spent = Now() - startMs;
        var figures = Steps.GetOrAdd((step, name), _ => new Figures());
        lock (figures)
        {
            if (figures.FirstMs < 0) figures.FirstMs = spent;
            figures.Ms += spent;
            figures.Count++;
        }
    }

    public static void Print(TextWriter to)
    {
        if (!On || Steps.IsEmpty) return;
        to.WriteLine($"grammars: {Onigwrap.SharedPatterns.Compiled} patterns compiled by Oniguruma");
        foreach (var step in Steps.GroupBy(s => s.Key.Step).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var total = step.Sum(s => s.Value.Ms);
            to.WriteLine($"grammars: {step.Key,-8} {total,7:0} ms cpu over {step.Count()} (count, total ms, first ms):");
            foreach (var (key, f) in step.OrderByDescending(s => s.Value.Ms))
                to.WriteLine($"  {key.Name,-28} {f.Count,4} {f.Ms,8:0.0} {f.FirstMs,8:0.0}");
        }
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
