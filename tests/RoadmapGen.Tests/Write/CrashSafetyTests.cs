using System.Diagnostics;
using System.Text.RegularExpressions;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Tests.Write;

/// <summary>
/// _site/ is a whole old or a whole new site whenever the build dies, and the next build leaves
/// nothing beside it. The generator runs as its own process under strace, which kills it
/// (SIGKILL, as the OOM killer or a CI timeout does) on entering a chosen system call of the
/// write: the staging folders' creation, the swap, and the removal of the old site. A dry run
/// under strace first finds at which call of each kind (counted per thread, as strace counts)
/// each step falls.
/// </summary>
public sealed class CrashSafetyTests : IClassFixture<CrashSafetyTests.WriteTrace>, IDisposable
{
    private readonly WriteWorkspace _work = new();
    private readonly WriteTrace _trace;

    public CrashSafetyTests(WriteTrace trace)
    {
        _trace = trace;
        _work.ResetToOldSite();
    }

    public void Dispose() => _work.Dispose();

    /// <summary>The write's system calls on the output's sibling folders, in the order one build made them.</summary>
    public sealed class WriteTrace
    {
        public IReadOnlyList<(string Syscall, int Nth, string Path)> Steps { get; }
        public TimeSpan Duration { get; }

        public WriteTrace()
        {
            using var work = new WriteWorkspace();
            work.ResetToOldSite();
            var log = Path.Combine(work.Root, "trace.txt");
            var clock = Stopwatch.StartNew();
            var (exit, output) = WriteWorkspace.Run(work.Generator("-f", "-qq", "-o", log, "-e", "trace=mkdir,unlink,rmdir,rename,renameat2"));
            Duration = clock.Elapsed;
            Assert.True(exit == 0, output);
            var counts = new Dictionary<(string, string), int>();
            var steps = new List<(string, int, string)>();
            foreach (Match m in Regex.Matches(File.ReadAllText(log), """^(\d+) +(\w+)\((?:AT_FDCWD, )?"([^"]*)""", RegexOptions.Multiline))
            {
                var key = (m.Groups[1].Value, m.Groups[2].Value);
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (m.Groups[3].Value.Contains("/_site.", StringComparison.Ordinal)) steps.Add((key.Item2, counts[key], m.Groups[3].Value));
            }
            Steps = steps;
        }
    }

    /// <summary>Each kind of step at its first, middle and last call; the swap's calls all.</summary>
    public static TheoryData<string, string> KillPoints() => new()
    {
        { "mkdir", "first" }, { "mkdir", "middle" }, { "mkdir", "last" },
        { "renameat2", "first" }, { "rename", "first" },
        { "unlink", "first" }, { "unlink", "middle" }, { "unlink", "last" },
        { "rmdir", "first" }, { "rmdir", "last" },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void A_build_killed_at_a_step_of_the_write_leaves_a_whole_site_and_the_next_build_no_leftovers(string syscall, string which)
    {
        var calls = _trace.Steps.Where(s => s.Syscall == syscall).ToList();
        Assert.True(calls.Count > 0, $"the write made no {syscall} call on _site.* folders: {string.Join(", ", _trace.Steps)}");
        var step = which switch { "first" => calls[0], "last" => calls[^1], _ => calls[calls.Count / 2] };
        PlantForeignFolders();

        var (exit, output) = WriteWorkspace.Run(_work.Generator("-f", "-qq", "-o", "/dev/null", "-e", $"trace={syscall}",
            "-e", $"inject={syscall}:signal=KILL:when={step.Nth}"));

        Assert.True(exit != 0, $"the build was not killed at {syscall} #{step.Nth} ({step.Path}): {output}");
        AssertWholeThenCleaned($"killed at {syscall} #{step.Nth} ({step.Path})");
    }

    [Fact]
    public void A_build_killed_at_random_moments_leaves_a_whole_site_and_the_next_build_no_leftovers()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        for (var i = 0; i < 3; i++)
        {
            _work.ResetToOldSite();
            PlantForeignFolders();
            var delay = TimeSpan.FromMilliseconds(random.Next((int)_trace.Duration.TotalMilliseconds));
            using (var process = Process.Start(_work.Generator())!)
            {
                process.WaitForExit(delay);
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            AssertWholeThenCleaned($"killed after {delay.TotalMilliseconds:0} ms (seed {seed})");
        }
    }

    [Fact]
    public void A_failed_swap_leaves_the_old_site_and_reports_RG0402()
    {
        var (exit, output) = WriteWorkspace.Run(_work.Generator("-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2", "-e", "inject=renameat2:error=EIO"));

        Assert.Equal(1, exit);
        Assert.Contains($"error {Codes.WriteFailed}: could not write the site", output);
        Assert.Contains("(the previous output is unchanged)", output);
        Assert.Equal(_work.OldSite, WriteWorkspace.Digest(_work.Out));
        Assert.Empty(_work.Leftovers());
    }

    [Fact]
    public void Without_an_atomic_exchange_two_renames_replace_the_site_and_a_failed_second_one_rolls_back()
    {
        // ENOSYS: the kernel has no renameat2, as on systems without it.
        var (exit, output) = WriteWorkspace.Run(_work.Generator("-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2", "-e", "inject=renameat2:error=ENOSYS"));
        Assert.True(exit == 0, output);
        Assert.Equal(_work.NewSite, WriteWorkspace.Digest(_work.Out));
        Assert.Empty(_work.Leftovers());

        _work.ResetToOldSite();
        // The second rename (staging folder → _site) fails after the first moved the old site aside.
        (exit, output) = WriteWorkspace.Run(_work.Generator("-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2,rename",
            "-e", "inject=renameat2:error=ENOSYS", "-e", "inject=rename:error=EIO:when=2"));
        Assert.Equal(1, exit);
        Assert.Contains($"error {Codes.WriteFailed}", output);
        Assert.Equal(_work.OldSite, WriteWorkspace.Digest(_work.Out));
        Assert.Empty(_work.Leftovers());
    }

    /// <summary>Folders beside _site/ with our naming that are not ours: no build may remove them.</summary>
    private void PlantForeignFolders()
    {
        foreach (var name in new[] { "_site.old-12345678", "_site.tmp-backup" })
        {
            Directory.CreateDirectory(Path.Combine(_work.Root, name));
            File.WriteAllText(Path.Combine(_work.Root, name, "notes.txt"), "someone's own files");
        }
    }

    private static readonly string[] Foreign = ["_site.old-12345678", "_site.tmp-backup"];

    private void AssertWholeThenCleaned(string when)
    {
        var after = WriteWorkspace.Digest(_work.Out);
        Assert.True(after == _work.OldSite || after == _work.NewSite, $"{when}: _site/ is neither the whole old site nor the whole new one");

        Assert.Equal(0, _work.BuildNew());
        Assert.Equal(_work.NewSite, WriteWorkspace.Digest(_work.Out));
        Assert.True(Foreign.SequenceEqual(_work.Leftovers()), $"{when}: beside _site/ after the next build: {string.Join(", ", _work.Leftovers())}");
        foreach (var name in Foreign) Assert.True(File.Exists(Path.Combine(_work.Root, name, "notes.txt")), $"{when}: {name} was touched");
    }
}
