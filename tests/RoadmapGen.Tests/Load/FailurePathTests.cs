using System.Diagnostics;
using RoadmapGen.Cli;
using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Tests.Write;
using RoadmapGen.Write;

namespace RoadmapGen.Tests.Load;

/// <summary>Failures that are no content mistake a contributor types, each still a located diagnostic and never a crash.</summary>
public sealed class FailurePathTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();
    private string Content => Path.Combine(_dir, "content");
    private string Topics => Path.Combine(Content, "roadmaps", "tiny", "topics");
    private string Out => Path.Combine(_dir, "_site");

    public FailurePathTests()
    {
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Golden, "_base"), _dir);
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, SiteWriter.Marker), "");
        File.WriteAllText(Path.Combine(Out, "index.html"), "previous build");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Output) Build(string templates)
    {
        var output = new StringWriter();
        int exit;
        using (DisplayPath.RelativeTo(_dir))
            exit = BuildCommand.Run(new BuildOptions(Content, templates, "/"), Out, output);
        return (exit, output.ToString());
    }

    [Fact]
    public void A_content_file_that_cannot_be_read_is_RG0127_at_that_file_and_the_site_is_kept()
    {
        // A link to itself: unreadable for every user, root too (a file without read permission is not, for root).
        File.CreateSymbolicLink(Path.Combine(Topics, "gamma.md"), "gamma.md");

        var (exit, output) = Build(TestPaths.Templates);

        Assert.Equal(1, exit);
        Assert.Contains($"content/roadmaps/tiny/topics/gamma.md: error {Codes.ContentUnreadable}: cannot read the file", output);
        Assert.DoesNotContain("internal error", output);
        Assert.Equal("previous build", File.ReadAllText(Path.Combine(Out, "index.html")));
    }

    [Fact]
    public void A_missing_templates_folder_is_RG0205_and_the_site_is_kept()
    {
        var (exit, output) = Build(Path.Combine(_dir, "no-templates-here"));

        Assert.Equal(1, exit);
        Assert.Contains($"no-templates-here: error {Codes.TemplatesFolderMissing}", output);
        Assert.Equal("previous build", File.ReadAllText(Path.Combine(Out, "index.html")));
    }

    [Fact]
    public async Task A_git_that_never_answers_is_stopped_and_files_keep_their_last_write_times()
    {
        var pidFile = Path.Combine(_dir, "git.pid");
        var fakeGit = Path.Combine(_dir, "git");
        File.WriteAllText(fakeGit, $"#!/bin/sh\necho $$ > '{pidFile}'\nexec sleep 600\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fakeGit, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        // A bound on a hang, not on speed: without the timeout git log waits for ten minutes.
        var history = await Task.Run(() => ChangeDates.GitLog(Content, fakeGit, TimeSpan.FromSeconds(1))).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(history.Dates);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim());
        Assert.False(Directory.Exists($"/proc/{pid}"), "the stuck git process was left running");
    }

    [Fact]
    public void A_build_the_tests_start_keeps_its_cache_in_the_test_runs_folder_not_the_users_home()
    {
        File.AppendAllText(Path.Combine(Topics, "alpha.md"), "\n```csharp\nvar cached = true;\n```\n");
        var home = Path.Combine(_dir, "home");
        Directory.CreateDirectory(home);
        var info = new ProcessStartInfo(Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "roadmapgen.dll"), "build", "--content", Content, "--templates", TestPaths.Templates, "--out", Out })
            info.ArgumentList.Add(arg);
        info.Environment["HOME"] = home;
        info.Environment.Remove("XDG_CACHE_HOME");

        var (exit, output) = WriteWorkspace.Run(info);

        Assert.True(exit == 0, output);
        Assert.False(Directory.Exists(Path.Combine(home, ".cache")), "a test's build wrote to ~/.cache");
        Assert.NotEmpty(Directory.GetFiles(TestEnvironment.CacheFolder, "highlight-*.json"));
    }
}
