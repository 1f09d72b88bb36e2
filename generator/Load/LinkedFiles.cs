using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// A content or template file that is a symbolic link (or sits in a linked folder) pointing
/// outside its root would let a pull request publish any file of the machine that builds it:
/// such files are refused before they are read.
/// </summary>
public static class LinkedFiles
{
    /// <returns>True when <paramref name="path"/> stays inside <paramref name="root"/>; else reports it.</returns>
    public static bool StaysInside(string root, string path, DiagnosticBag diagnostics) =>
        KeepInside(root, Path.GetDirectoryName(Path.GetFullPath(path))!, [path], diagnostics).Count == 1;

    /// <summary>
    /// The files of one folder that stay inside <paramref name="root"/>, each other one reported.
    /// The folder's own way from the root is looked at once, not once per file (10,000 topics
    /// share a handful of folders).
    /// </summary>
    public static List<string> KeepInside(string root, string folder, IEnumerable<string> files, DiagnosticBag diagnostics)
    {
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var fullFolder = Path.GetFullPath(folder);
        var folderTarget = Escape(fullRoot, fullFolder);
        var kept = new List<string>();
        foreach (var file in files)
        {
            var fullFile = Path.GetFullPath(file);
            string? target;
            try
            {
                // A folder outside the root altogether names the file itself, as a file outside it would.
                target = folderTarget is null ? LeavesThrough(fullRoot, new FileInfo(fullFile))
                    : folderTarget == fullFolder ? fullFile : folderTarget;
            }
            catch (IOException e)
            {
                // A link that leads to itself (or round a loop) names no file at all.
                diagnostics.Error(Codes.ContentUnreadable, DisplayPath.Of(file), 0, 0, $"cannot read the file: {e.Message} (check that it exists and that you may read it)");
                continue;
            }
            if (target is null)
            {
                kept.Add(file);
                continue;
            }
            diagnostics.Error(Codes.LinkLeavesFolder, DisplayPath.Of(file), 0, 0,
                $"this is a symbolic link to '{target}', outside {DisplayPath.Of(fullRoot)}/, so it is not read (copy the file in instead)");
        }
        return kept;
    }

    /// <summary>The outside target of the first link on the way from the root to the file, if any.</summary>
    private static string? Escape(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        if (relative.StartsWith("..", StringComparison.Ordinal)) return path;
        // The root itself is where the walk starts, not a step on it (a linked content folder is fine).
        if (relative == ".") return null;
        var current = root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (LeavesThrough(root, info) is { } final) return final;
        }
        return null;
    }

    /// <summary>Where a link leads when that is outside the root; null for no link or a link that stays.</summary>
    private static string? LeavesThrough(string root, FileSystemInfo info)
    {
        if (info.LinkTarget is null) return null;
        var final = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        if (final is null) return null;
        return final != root && !final.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? final : null;
    }
}
