using System.Text.RegularExpressions;

namespace RoadmapGen.Write;

/// <summary>
/// The staging and previous-output folders an interrupted build left beside the output
/// (<c>_site.tmp-1a2b3c4d</c>, <c>_site.old-1a2b3c4d</c>). A folder is removed only when its name is
/// one this tool makes for that output and it holds <see cref="SiteWriter.Marker"/> (or nothing:
/// a build killed right after creating it), and no running build holds its marker locked.
/// </summary>
internal static partial class Leftovers
{
    [GeneratedRegex("^\\.(tmp|old)-[0-9a-f]{8}$")]
    private static partial Regex Suffix();

    public static void RemoveBeside(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        if (!Directory.Exists(parent)) return;
        foreach (var dir in new DirectoryInfo(parent).EnumerateDirectories(name + ".*"))
        {
            if (!Suffix().IsMatch(dir.Name[name.Length..]) || dir.LinkTarget is not null) continue;
            try
            {
                RemoveIfOurs(dir.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another build is removing it, or it cannot be removed: it is no part of this build.
            }
        }
    }

    private static void RemoveIfOurs(string folder)
    {
        var marker = Path.Combine(folder, SiteWriter.Marker);
        if (!File.Exists(marker))
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
            return;
        }
        // Opening the marker exclusively fails while a running build holds it (its staging folder).
        using (new FileStream(marker, FileMode.Open, FileAccess.Read, FileShare.None))
            RemoveAllBut(folder, marker);
        File.Delete(marker);
        Directory.Delete(folder);
    }

    /// <summary>
    /// Deletes a folder of ours with its marker last, so a kill halfway leaves a folder that is
    /// still marked (and removed by the next build) or empty, never an unmarked half.
    /// </summary>
    public static void Remove(string folder)
    {
        var marker = Path.Combine(folder, SiteWriter.Marker);
        RemoveAllBut(folder, marker);
        if (File.Exists(marker)) File.Delete(marker);
        Directory.Delete(folder);
    }

    private static void RemoveAllBut(string folder, string marker)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.FullName == marker) continue;
            if (entry is DirectoryInfo { LinkTarget: null } dir) dir.Delete(recursive: true);
            else entry.Delete();
        }
    }
}
