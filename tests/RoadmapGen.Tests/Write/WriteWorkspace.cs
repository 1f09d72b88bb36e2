using System.Diagnostics;
using System.Security.Cryptography;
using RoadmapGen.Cli;

namespace RoadmapGen.Tests.Write;

/// <summary>
/// The tiny site of tests/golden/_base in two versions, an old one already built into _site/
/// and a new one to build over it, with the generator run as its own process (optionally under
/// strace, to kill it or fail a system call at a chosen step of the write).
/// </summary>
public sealed class WriteWorkspace : IDisposable
{
    public string Root { get; } = TestPaths.NewTempDir();
    public string Out => Path.Combine(Root, "_site");
    private string Templates => Path.Combine(Root, "templates");
    private string OldContent => Path.Combine(Root, "content-old");
    private string NewContent => Path.Combine(Root, "content");
    private string OldBuild => Path.Combine(Root, "built-old");

    public string OldSite { get; }
    public string NewSite { get; }

    public WriteWorkspace()
    {
        TestPaths.CopyDirectory(TestPaths.Templates, Templates);
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Golden, "_base", "content"), OldContent);
        TestPaths.CopyDirectory(OldContent, NewContent);
        var topic = Directory.GetFiles(NewContent, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(topic, "\nA paragraph only the new site has.\n");
        Assert.Equal(0, BuildInProcess(OldContent, OldBuild));
        OldSite = Digest(OldBuild);
        var expected = Path.Combine(Root, "built-new");
        Assert.Equal(0, BuildInProcess(NewContent, expected));
        NewSite = Digest(expected);
        Assert.NotEqual(OldSite, NewSite);
    }

    /// <summary>Puts the old site in _site/, as a previous build left it, and nothing else beside it.</summary>
    public void ResetToOldSite()
    {
        foreach (var dir in Directory.GetDirectories(Root, "_site*")) Directory.Delete(dir, recursive: true);
        TestPaths.CopyDirectory(OldBuild, Out);
    }

    /// <summary>Builds the new content into _site/ in this process, as the next build after a crash.</summary>
    public int BuildNew() => BuildInProcess(NewContent, Out);

    private int BuildInProcess(string content, string output) =>
        BuildCommand.Run(new BuildOptions(content, Templates, "/"), output, new StringWriter());

    /// <summary>Folders beside _site/ that a build made (.tmp-*, .old-*).</summary>
    public IReadOnlyList<string> Leftovers() =>
        Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>()
            .Where(n => n.StartsWith("_site.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The generator building the new content, as a process; <paramref name="strace"/> are strace's options, or none to run it directly.</summary>
    public ProcessStartInfo Generator(params string[] strace)
    {
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var info = new ProcessStartInfo(strace.Length > 0 ? Strace.Path : dotnet)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root,
        };
        // Stores of its own: in the test run's shared folder, other tests' builds replace them, so
        // this one would save them again, and its renames would shift the step strace counts to.
        info.Environment["ROADMAPGEN_CACHE"] = Path.Combine(Root, "cache");
        if (strace.Length > 0)
        {
            foreach (var option in strace) info.ArgumentList.Add(option);
            info.ArgumentList.Add(dotnet);
        }
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "roadmapgen.dll"), "build", "--content", NewContent, "--templates", Templates, "--out", Out })
            info.ArgumentList.Add(arg);
        return info;
    }

    /// <summary>Runs the generator to its end (or its death): exit code and what it printed.</summary>
    public static (int Exit, string Output) Run(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // An upper bound so a hung process fails the test instead of hanging it; not a performance limit.
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the generator did not finish within 3 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Every file's path and bytes, as one hash: two folders with the same digest hold the same site.</summary>
    public static string Digest(string folder)
    {
        if (!Directory.Exists(folder)) return "(no folder)";
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\n"));
            sha.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

/// <summary>strace, which the crash tests use to kill the generator or fail a call at an exact step (Debian's strace package; .ci/run installs it).</summary>
public static class Strace
{
    public static string Path { get; } = new[] { "/usr/bin/strace", "/bin/strace" }.FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("strace not found: install it (apt-get install strace) to run the crash-safety tests");
}
