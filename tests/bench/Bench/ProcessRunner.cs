using System.Diagnostics;
using System.Globalization;

namespace RoadmapGen.Bench;

/// <summary>How one child process went: exit code, wall time, CPU time (user+system), peak resident memory, where its output is.</summary>
public sealed record RunResult(int ExitCode, TimeSpan Wall, double? CpuSeconds, long? PeakRssKb, string StdoutPath, string StderrPath, bool TimedOut)
{
    public bool Ok => ExitCode == 0 && !TimedOut;

    public string Stdout => File.ReadAllText(StdoutPath);

    public string Stderr => File.ReadAllText(StderrPath);
}

/// <summary>
/// Runs a child process with its output sent to log files, timing it with a stopwatch and reading its
/// peak memory from <c>/usr/bin/time -v</c> (GNU time) when that works, else by polling VmHWM in
/// /proc/&lt;pid&gt;/status of the child and its descendants.
/// </summary>
public static class ProcessRunner
{
    private const string GnuTime = "/usr/bin/time";

    private static readonly Lazy<bool> HasGnuTime = new(() =>
    {
        if (!File.Exists(GnuTime))
        {
            return false;
        }
        try
        {
            var psi = new ProcessStartInfo(GnuTime) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-v", "true" })
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return err.Contains("Maximum resident set size", StringComparison.Ordinal);
        }
        catch (Exception)
        {
            return false;
        }
    });

    public static string MemorySource => HasGnuTime.Value ? "/usr/bin/time -v" : "/proc/<pid>/status VmHWM (polled)";

    /// <summary>Runs <paramref name="exe"/> and writes its output to <paramref name="logPrefix"/>.stdout/.stderr.</summary>
    public static RunResult Run(string exe, IEnumerable<string> args, string logPrefix, TimeSpan timeout, string? workingDirectory = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPrefix))!);
        var timeFile = logPrefix + ".time";
        var useTime = HasGnuTime.Value;
        var psi = new ProcessStartInfo(useTime ? GnuTime : exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (useTime)
        {
            foreach (var a in new[] { "-v", "-o", timeFile, exe })
            {
                psi.ArgumentList.Add(a);
            }
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        File.WriteAllText(logPrefix + ".cmd", exe + " " + string.Join(' ', args.Select(Quote)) + "\n");

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        process.StandardInput.Close();
        using var stdout = File.Create(logPrefix + ".stdout");
        using var stderr = File.Create(logPrefix + ".stderr");
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr);
        using var poller = useTime ? null : new PeakMemoryPoller(process.Id);

        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        Task.WaitAll(copyOut, copyErr);
        stopwatch.Stop();

        var (cpu, peak) = useTime ? ReadTimeFile(timeFile) : (null, poller!.PeakKb);
        return new RunResult(timedOut ? -1 : process.ExitCode, stopwatch.Elapsed, cpu, peak,
            logPrefix + ".stdout", logPrefix + ".stderr", timedOut);
    }

    /// <summary>User+system seconds and maximum resident set size (KB) from GNU time's -v report.</summary>
    private static (double? CpuSeconds, long? PeakKb) ReadTimeFile(string timeFile)
    {
        if (!File.Exists(timeFile))
        {
            return (null, null);
        }
        double? user = null, system = null;
        long? peak = null;
        foreach (var line in File.ReadLines(timeFile))
        {
            var t = line.Trim();
            var value = t[(t.LastIndexOf(':') + 1)..].Trim();
            if (t.StartsWith("User time (seconds)", StringComparison.Ordinal))
            {
                user = double.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (t.StartsWith("System time (seconds)", StringComparison.Ordinal))
            {
                system = double.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (t.StartsWith("Maximum resident set size", StringComparison.Ordinal))
            {
                peak = long.Parse(value, CultureInfo.InvariantCulture);
            }
        }
        return (user + system, peak);
    }

    private static string Quote(string a) => a.Length > 0 && a.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,".Contains(c)) ? a : $"'{a.Replace("'", "'\\''")}'";

    /// <summary>Polls VmHWM of a process and its descendants every 10 ms; keeps the largest value seen.</summary>
    private sealed class PeakMemoryPoller : IDisposable
    {
        private readonly CancellationTokenSource cancel = new();
        private readonly Task loop;
        private long peak;

        public PeakMemoryPoller(int pid)
        {
            loop = Task.Run(async () =>
            {
                while (!cancel.IsCancellationRequested)
                {
                    foreach (var p in WithDescendants(pid))
                    {
                        var kb = ReadHwm(p);
                        if (kb > Interlocked.Read(ref peak))
                        {
                            Interlocked.Exchange(ref peak, kb);
                        }
                    }
                    try
                    {
                        await Task.Delay(10, cancel.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });
        }

        public long? PeakKb => Interlocked.Read(ref peak) is > 0 and var kb ? kb : null;

        public void Dispose()
        {
            cancel.Cancel();
            loop.Wait();
            cancel.Dispose();
        }

        private static IEnumerable<int> WithDescendants(int pid)
        {
            var stack = new Stack<int>([pid]);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                yield return p;
                string[] tasks;
                try
                {
                    tasks = Directory.GetDirectories($"/proc/{p}/task");
                }
                catch (IOException)
                {
                    continue;
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }
                foreach (var task in tasks)
                {
                    try
                    {
                        foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        {
                            stack.Push(int.Parse(child, CultureInfo.InvariantCulture));
                        }
                    }
                    catch (IOException)
                    {
                    }
                }
            }
        }

        private static long ReadHwm(int pid)
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        return long.Parse(line[6..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
            }
            return 0;
        }
    }
}
