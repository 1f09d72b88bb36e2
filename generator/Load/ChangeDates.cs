using System.Collections.Frozen;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace RoadmapGen.Load;

/// <summary>
/// When each content file last changed, for "Updated …" on pages, the sitemap's lastmod and the
/// feed. Read once per build from git history, in one <c>git log</c> over the whole content folder
/// (one process, however many files): a file's date is the committer date of the newest commit
/// that touched it. A file git does not know (untracked, or no git/repository at all) takes its
/// last-write time. A tracked file edited since its last commit keeps that commit's date: the page
/// says when the published text changed, and a build of a commit is the same on every machine.
/// </summary>
public static class ChangeDates
{
    private const char CommitMark = '\u0001';

    /// <summary>
    /// Far longer than git log takes on any content folder (well under a second for this site's
    /// history); past it git is stuck (a credential prompt, a lock, a hung network file system) and
    /// the build goes on with last-write times rather than waiting forever.
    /// </summary>
    internal static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(60);

    /// <param name="files">Full paths of the content files, each mapped to its display path (the key of the result).</param>
    /// <param name="committed">git's history of the content folder (<see cref="History"/>).</param>
    public static FrozenDictionary<string, DateTimeOffset> Read(string contentRoot, IReadOnlyDictionary<string, string> files, GitHistory committed)
    {
        var dates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (full, display) in files)
        {
            var relative = Path.GetRelativePath(contentRoot, full).Replace('\\', '/');
            dates[display] = committed.Dates.TryGetValue(relative, out var date)
                ? date
                : new DateTimeOffset(File.GetLastWriteTimeUtc(full), TimeSpan.Zero);
        }
        return dates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <param name="cache">serve's cache, which keeps git's answer while the history is unchanged.</param>
    /// <param name="reuse">the memo layer, which keeps git's answer while the history is unchanged (serve).</param>
    public static GitHistory History(string contentRoot, ILoadReuse? reuse = null) =>
        (reuse ?? ILoadReuse.None).History(contentRoot, () => GitLog(contentRoot));

    /// <summary>The content folder's history; empty without git or outside a repository.</summary>
    internal static GitHistory GitLog(string contentRoot) => GitLog(contentRoot, "git", GitTimeout);

    /// <param name="git">The git executable (tests put a stand-in here).</param>
    internal static GitHistory GitLog(string contentRoot, string git, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(git)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        // quotePath=false: names with non-ASCII letters come out as they are, not as "\303\251" escapes.
        // Every commit is listed (a translation may name one that changed no content file):
        // --full-history --sparse keeps the commits the path filter would drop, while the filter
        // "-- ." lets git compare only the content folder's trees of each commit rather than the
        // whole repository's (half of git's time on this repository), and --relative names files
        // from the content folder. The output is the same as without the filter.
        foreach (var arg in new[] { "-c", "core.quotePath=false", "log", "--format=" + CommitMark + "%H %P %cI", "--name-only", "--relative", "--no-renames",
                     "--full-history", "--sparse", "--", "." })
            start.ArgumentList.Add(arg);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        var commits = new List<GitCommit>();
        try
        {
            using var process = Process.Start(start);
            if (process is null) return GitHistory.Empty;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var read = Task.Run(() => Parse(process.StandardOutput, commits));
            if (!process.WaitForExit(timeout) || !read.Wait(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                // The reader stops at the killed process's end of output; its partial dates are dropped.
                read.Wait();
                return GitHistory.Empty;
            }
            process.WaitForExit();
            // Outside a repository git fails: every file then keeps its last-write time.
            if (process.ExitCode != 0) return GitHistory.Empty;
        }
        catch (Win32Exception)
        {
            // git is not installed.
            return GitHistory.Empty;
        }
        return new GitHistory(commits, GitStamp.IsShallow(contentRoot));
    }

    /// <summary>Reads "\u0001hash parents… date" lines, each followed by the files that commit changed.</summary>
    internal static void Parse(TextReader log, List<GitCommit> commits)
    {
        List<string>? files = null;
        while (log.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            if (line[0] == CommitMark)
            {
                var parts = line[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                files = [];
                commits.Add(new GitCommit(parts[0], parts[1..^1], DateTimeOffset.Parse(parts[^1], CultureInfo.InvariantCulture), files));
            }
            else files?.Add(line);
        }
    }
}
