using System.Globalization;
using System.Text;

namespace RoadmapGen.Load;

/// <summary>
/// A stamp of the commit git's HEAD points to, read from the repository's files without starting
/// git: HEAD itself, the branch file it names, packed-refs, HEAD's reflog and a shallow clone's
/// list of cut-off commits (each by size and write time). Every commit, checkout, reset, pull or
/// fetch that deepens the clone changes one of them, so serve reruns <c>git log</c> only when the
/// stamp changes instead of on every save, and a build takes the last build's answer from the
/// store (it costs tens of milliseconds on a real history). Null when the repository cannot be read this way (no
/// repository, GIT_DIR set, an unreadable .git file): the caller then asks git every time.
/// </summary>
public static class GitStamp
{
    public static string? Of(string contentRoot)
    {
        if (Environment.GetEnvironmentVariable("GIT_DIR") is not null || Environment.GetEnvironmentVariable("GIT_WORK_TREE") is not null) return null;
        try
        {
            if (FindGitDir(Path.GetFullPath(contentRoot)) is not { } gitDir) return null;
            var commonDir = gitDir;
            var commonFile = Path.Combine(gitDir, "commondir");
            if (File.Exists(commonFile)) commonDir = Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()));
            var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
            var stamp = new StringBuilder(head);
            if (head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                var reference = head["ref: ".Length..].Trim();
                // A ref name with ".." or an absolute path is not something git wrote: no stamp.
                if (reference.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(reference)) return null;
                Append(stamp, Path.Combine(commonDir, reference));
            }
            Append(stamp, Path.Combine(commonDir, "packed-refs"));
            Append(stamp, Path.Combine(gitDir, "logs", "HEAD"));
            // Deepening or unshallowing a clone adds history behind the same HEAD.
            Append(stamp, Path.Combine(commonDir, "shallow"));
            Append(stamp, Path.Combine(gitDir, "shallow"));
            return stamp.ToString();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the repository holding the content is a shallow clone (it has a "shallow" file listing its cut-off commits).</summary>
    public static bool IsShallow(string contentRoot)
    {
        try
        {
            if (FindGitDir(Path.GetFullPath(contentRoot)) is not { } gitDir) return false;
            var commonFile = Path.Combine(gitDir, "commondir");
            var commonDir = File.Exists(commonFile) ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim())) : gitDir;
            return File.Exists(Path.Combine(commonDir, "shallow")) || File.Exists(Path.Combine(gitDir, "shallow"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The folder holding the repository's .git (its work tree's root), to name files as git does; null outside a repository.</summary>
    public static string? WorkTree(string contentRoot)
    {
        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(contentRoot)); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) return dir.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>The .git folder above the content, or the folder a worktree's .git file names.</summary>
    private static string? FindGitDir(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit)) return dotGit;
            if (!File.Exists(dotGit)) continue;
            var line = File.ReadAllText(dotGit).Trim();
            if (!line.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
            return Path.GetFullPath(Path.Combine(dir.FullName, line["gitdir:".Length..].Trim()));
        }
        return null;
    }

    private static void Append(StringBuilder stamp, string file)
    {
        var info = new FileInfo(file);
        stamp.Append('|').Append(info.Exists
            ? info.Length.ToString(CultureInfo.InvariantCulture) + "@" + info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)
            : "-");
    }
}
