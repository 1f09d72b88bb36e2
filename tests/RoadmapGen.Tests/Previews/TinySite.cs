using System.Diagnostics;

namespace RoadmapGen.Tests.Previews;

/// <summary>A copy of the golden tests' tiny site in a temp folder, to change and build; deleted on dispose.</summary>
public sealed class TinySite : IDisposable
{
    public TinySite()
    {
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Golden, "_base", "content"), Content);
    }

    public string Root { get; } = TestPaths.NewTempDir();
    public string Content => Path.Combine(Root, "content");

    public string File(string relative) => Path.Combine(Content, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Replace(string relative, string from, string to)
    {
        var text = System.IO.File.ReadAllText(File(relative));
        Assert.Contains(from, text);
        System.IO.File.WriteAllText(File(relative), text.Replace(from, to));
    }

    public BuildResult Build(string basePath = "/")
    {
        var result = SiteBuild.Run(new BuildOptions(Content, TestPaths.Templates, basePath));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        return result;
    }

    /// <summary>Runs git in the content folder with a fixed identity and, when given, a fixed commit date.</summary>
    public string Git(string arguments, DateTimeOffset? date = null)
    {
        var start = new ProcessStartInfo("git", "-c user.name=Test -c user.email=test@example.com -c commit.gpgsign=false " + arguments)
        {
            WorkingDirectory = Content, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (date is { } d)
        {
            start.Environment["GIT_AUTHOR_DATE"] = d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["GIT_COMMITTER_DATE"] = d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        }
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {arguments}: {error}");
        return output;
    }

    /// <summary>Makes the content folder a repository whose first commit, dated <paramref name="date"/>, holds every file.</summary>
    public void CommitEverything(DateTimeOffset date)
    {
        Git("init -q");
        Git("add -A");
        Git("commit -q -m first", date);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
