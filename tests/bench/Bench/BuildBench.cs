namespace RoadmapGen.Bench;

/// <summary>A generator to benchmark: its name and the command that builds a site into a folder.</summary>
public sealed record Generator(string Name, string Exe, Func<string, IReadOnlyList<string>> Args);

/// <summary>Medians over the successful runs of one generator at one size.</summary>
public sealed record BuildMeasure(string Generator, int Topics, int Runs, int Failures, double MedianSeconds, double? MedianCpuSeconds, double? MedianPeakMb, int HtmlPages, string OutDir)
{
    public bool Ok => Failures < Runs;

    public double PagesPerSecond => HtmlPages / MedianSeconds;
}

/// <summary>Builds a site several times with each generator, interleaved, each run into a new output folder.</summary>
public static class BuildBench
{
    public static List<BuildMeasure> Run(IReadOnlyList<Generator> generators, int topics, int runs, string sizeDir, TimeSpan timeout)
    {
        var results = generators.ToDictionary(g => g.Name, _ => new List<RunResult>());
        for (var run = 1; run <= runs; run++)
        {
            foreach (var g in generators)
            {
                // A folder of its own per run, the old ones deleted after the last: ext4 passes over
                // every inode freed in the last seconds before it takes one, so a run right after
                // deleting 10,000 pages paid seconds of kernel time, more or less by chance.
                var outDir = RunDir(sizeDir, g, run);
                Tools.DeleteDirectory(outDir);
                var log = Path.Combine(sizeDir, "logs", $"build-{g.Name.ToLowerInvariant()}-{run}");
                var r = ProcessRunner.Run(g.Exe, g.Args(outDir), log, timeout);
                results[g.Name].Add(r);
                Console.WriteLine($"  {g.Name,-10} run {run}/{runs}: {(r.Ok ? "ok" : r.TimedOut ? "TIMED OUT" : $"FAILED (exit {r.ExitCode})")}"
                    + $" {r.Wall.TotalSeconds,7:F2} s, CPU {Cpu(r.CpuSeconds)}, peak {Mb(r.PeakRssKb)}");
                if (!r.Ok && run == 1)
                {
                    PrintTail(r);
                }
            }
        }

        foreach (var g in generators)
        {
            var outDir = OutDir(sizeDir, g);
            Tools.DeleteDirectory(outDir);
            if (Directory.Exists(RunDir(sizeDir, g, runs))) Directory.Move(RunDir(sizeDir, g, runs), outDir);
            for (var run = 1; run < runs; run++) Tools.DeleteDirectory(RunDir(sizeDir, g, run));
        }

        return generators.Select(g =>
        {
            var rs = results[g.Name];
            var ok = rs.Where(r => r.Ok).ToList();
            var peaks = ok.Where(r => r.PeakRssKb.HasValue).Select(r => r.PeakRssKb!.Value / 1024.0).ToList();
            var cpus = ok.Where(r => r.CpuSeconds.HasValue).Select(r => r.CpuSeconds!.Value).ToList();
            var outDir = OutDir(sizeDir, g);
            return new BuildMeasure(g.Name, topics, rs.Count, rs.Count - ok.Count,
                ok.Count > 0 ? Tools.Median(ok.Select(r => r.Wall.TotalSeconds)) : double.NaN,
                cpus.Count > 0 ? Tools.Median(cpus) : null,
                peaks.Count > 0 ? Tools.Median(peaks) : null,
                Tools.CountHtmlFiles(outDir), outDir);
        }).ToList();
    }

    public static string OutDir(string sizeDir, Generator g) => Path.Combine(sizeDir, "site-" + g.Name.ToLowerInvariant());

    private static string RunDir(string sizeDir, Generator g, int run) => $"{OutDir(sizeDir, g)}-run{run}";

    public static string Mb(long? kb) => kb is { } k ? $"{k / 1024.0:F0} MB" : "n/a";

    public static string Cpu(double? seconds) => seconds is { } s ? $"{s:F2} s" : "n/a";

    private static void PrintTail(RunResult r)
    {
        var lines = (r.Stdout + "\n" + r.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Take(15))
        {
            Console.WriteLine("      | " + line);
        }
        if (lines.Length > 15)
        {
            Console.WriteLine($"      | … {lines.Length - 15} more lines in {r.StdoutPath}");
        }
    }
}
