using System.Diagnostics;
using System.Text.RegularExpressions;
using RoadmapGen.Check.External;
using RoadmapGen.Cli;
using RoadmapGen.Load;

namespace RoadmapGen.Tests.Golden;

/// <summary>
/// Each folder under tests/golden holds one kind of mistake: only the files it changes in the
/// shared tiny site of tests/golden/_base (or removes, listed in delete.txt; without-base.txt
/// starts from nothing), beside expected.txt: the exact terminal output and exit code a
/// contributor gets. The real templates are used unless the case overrides some. The command is
/// <c>build</c> (options in args.txt) unless command.txt names another (<c>new topic …</c>,
/// <c>check DIR [--external]</c>); links.txt makes symbolic links (<c>path -&gt; target</c>), which
/// git would not keep portably; fault.txt makes the build itself throw, with its text as the
/// message, the one way to meet a bug on purpose; github.txt prints each problem's GitHub
/// annotation too, as CI does, so the case shows the span a pull request underlines. Set ROADMAPGEN_UPDATE_GOLDEN=1 to rewrite the
/// expected files after an intended change, then review the diff.
/// </summary>
public class GoldenDiagnosticsTests
{
    private const string BaseCase = "_base";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(TestPaths.Golden).Order(StringComparer.Ordinal))
            if (Path.GetFileName(dir) != BaseCase) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_output_matches_the_golden_file(string name)
    {
        var caseDir = Path.Combine(TestPaths.Golden, name);
        var work = TestPaths.NewTempDir();
        TestPaths.CopyDirectory(TestPaths.Templates, Path.Combine(work, "templates"));
        if (!File.Exists(Path.Combine(caseDir, "without-base.txt"))) TestPaths.CopyDirectory(Path.Combine(TestPaths.Golden, BaseCase), work);
        TestPaths.CopyDirectory(caseDir, work);
        File.Delete(Path.Combine(work, "expected.txt"));
        foreach (var line in ReadLines(Path.Combine(work, "delete.txt"))) File.Delete(Path.Combine(work, line));
        foreach (var line in ReadLines(Path.Combine(work, "links.txt")))
        {
            var (link, target) = (line.Split(" -> ")[0], line.Split(" -> ")[1]);
            File.Delete(Path.Combine(work, link));
            File.CreateSymbolicLink(Path.Combine(work, link), target);
        }

        var args = ReadLines(Path.Combine(work, "args.txt")).SelectMany(l => l.Split(' ', 2)).ToArray();
        GitSteps(ReadLines(Path.Combine(work, "git.txt")), work, Path.Combine(work, Arg(args, "--content") ?? "content"));

        var outDir = Path.Combine(work, "_site");
        var hadForeignOutput = Directory.Exists(outDir);
        if (!hadForeignOutput)
        {
            // A previous good build, which a failed build must leave exactly as it was.
            Directory.CreateDirectory(outDir);
            File.WriteAllText(Path.Combine(outDir, ".roadmapgen"), "");
            File.WriteAllText(Path.Combine(outDir, "index.html"), "previous build");
        }

        var command = ReadLines(Path.Combine(work, "command.txt")).FirstOrDefault()?.Split(' ') ?? ["build"];
        var fault = ReadLines(Path.Combine(work, "fault.txt")).FirstOrDefault();
        var annotations = File.Exists(Path.Combine(work, "github.txt"));
        var writer = new StringWriter();
        int exit;
        using (DisplayPath.RelativeTo(work))
            exit = Run(command, args, work, outDir, fault, annotations, writer);

        var actual = Normalise(writer.ToString(), work) + $"exit {exit}\n";
        var expectedPath = Path.Combine(caseDir, "expected.txt");
        if (Environment.GetEnvironmentVariable("ROADMAPGEN_UPDATE_GOLDEN") == "1") File.WriteAllText(expectedPath, actual);
        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run with ROADMAPGEN_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(expectedPath), actual);

        if (exit != 0 && !hadForeignOutput)
            Assert.Equal("previous build", File.ReadAllText(Path.Combine(outDir, "index.html")));
        if (hadForeignOutput)
            Assert.True(File.Exists(Path.Combine(outDir, "notes.txt")), "a folder RoadmapGen did not make must never be replaced");
        Assert.DoesNotContain("   at ", actual); // never a stack trace
        Directory.Delete(work, recursive: true);
    }

    private static readonly DateTimeOffset FirstCommit = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static void GitSteps(IEnumerable<string> steps, string work, string content)
    {
        var commits = 0;
        foreach (var step in steps)
        {
            var (verb, rest) = (step.Split(' ', 2)[0], step.Split(' ', 2).ElementAtOrDefault(1) ?? "");
            switch (verb)
            {
                case "commit":
                    if (commits == 0) Git(content, null, "init", "-q");
                    Git(content, null, "add", "-A");
                    Git(content, FirstCommit.AddDays(commits++), "commit", "-q", "-m", rest);
                    break;
                case "copy":
                    var (from, to) = (rest.Split(' ')[0], rest.Split(' ')[1]);
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(work, to))!);
                    File.Copy(Path.Combine(work, from), Path.Combine(work, to), overwrite: true);
                    break;
                default:
                    throw new ArgumentException($"git.txt has an unknown step: {step}");
            }
        }
    }

    private static void Git(string dir, DateTimeOffset? date, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", "user.name=Golden", "-c", "user.email=golden@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", .. arguments])
            start.ArgumentList.Add(a);
        // The environment's identity would win over -c, and change every hash.
        (start.Environment["GIT_AUTHOR_NAME"], start.Environment["GIT_COMMITTER_NAME"]) = ("Golden", "Golden");
        (start.Environment["GIT_AUTHOR_EMAIL"], start.Environment["GIT_COMMITTER_EMAIL"]) = ("golden@example.com", "golden@example.com");
        if (date is { } d)
        {
            var text = d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["GIT_AUTHOR_DATE"] = text;
            start.Environment["GIT_COMMITTER_DATE"] = text;
        }
        using var git = Process.Start(start)!;
        git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }

    private static int Run(string[] command, string[] args, string work, string outDir, string? fault, bool annotations, TextWriter writer)
    {
        switch (command[0])
        {
            case "new" when command is [_, "topic", var roadmap, var slug]:
                return NewCommand.RunTopic(Path.Combine(work, "content"), roadmap, slug, null, writer);
            case "check":
                // No retries: the dead links of a golden case are refused at once, and their answer never changes.
                var external = command.Contains("--external")
                    ? new CheckCommand.ExternalRun(new ExternalCheckOptions { Retries = 0, Timeout = TimeSpan.FromSeconds(10) }, Cache: null)
                    : null;
                return CheckCommand.Run(Path.Combine(work, command[1]), "/", null, writer, external);
            case "build":
                var options = new BuildOptions(Path.Combine(work, Arg(args, "--content") ?? "content"), Path.Combine(work, Arg(args, "--templates") ?? "templates"), "/");
                var output = Arg(args, "--out") is { } o ? Path.Combine(work, o) : outDir;
                return fault is null
                    ? BuildCommand.Run(options, output, writer, annotations)
                    : BuildCommand.Run(options, output, writer, (_, _) => throw new InvalidOperationException(fault), annotations);
            default:
                throw new ArgumentException($"command.txt names an unknown command: {string.Join(' ', command)}");
        }
    }

    /// <summary>
    /// Timing, and file and link counts that change with every template edit, are not the point
    /// here; nor is the temporary folder, which a message naming a file outside the content shows,
    /// or the random name of the folder a build stages its output in.
    /// </summary>
    private static string Normalise(string output, string work)
    {
        var text = Regex.Replace(output.Replace("\r\n", "\n").Replace(work, "<case>"), @"in \d+\.\d+ s", "in N s");
        text = Regex.Replace(text, @"\.tmp-[0-9a-f]{8}\b", ".tmp-N"); // the staging folder's random suffix
        return Regex.Replace(text, @"\(\d+ files\), checked \d+ links", "(N files), checked N links");
    }

    private static IEnumerable<string> ReadLines(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => l.Trim()) : [];

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
