using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;

namespace RoadmapGen.Write;

/// <summary>
/// Write stage: all files go to a fresh sibling folder, which then replaces the output folder
/// in two renames. A failed build never reaches here, and a failed write leaves the old site.
/// Only a folder this tool made (it holds <see cref="Marker"/>) or an empty one is replaced.
/// </summary>
public static class SiteWriter
{
    public const string Marker = ".roadmapgen";

    public static bool Write(IReadOnlyList<OutputFile> files, string outFolder, DiagnosticBag diagnostics)
    {
        var target = Path.GetFullPath(outFolder);
        if (!IsSafeToReplace(target, diagnostics)) return false;
        var parent = Path.GetDirectoryName(target)!;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var staging = Path.Combine(parent, $"{Path.GetFileName(target)}.tmp-{suffix}");
        var previous = Path.Combine(parent, $"{Path.GetFileName(target)}.old-{suffix}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            foreach (var dir in files.Select(f => Path.GetDirectoryName(f.Path)).Distinct().OfType<string>())
                Directory.CreateDirectory(Path.Combine(staging, dir));
            Parallel.ForEach(files, file => File.WriteAllBytes(Path.Combine(staging, file.Path), file.Content));
            File.WriteAllText(Path.Combine(staging, Marker), "This folder is written by RoadmapGen and replaced on every build.\n");

            var hadPrevious = Directory.Exists(target);
            if (hadPrevious) Directory.Move(target, previous);
            try
            {
                Directory.Move(staging, target);
            }
            catch
            {
                if (hadPrevious) Directory.Move(previous, target);
                throw;
            }
            if (hadPrevious) Directory.Delete(previous, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.WriteFailed, DisplayPath.Of(target), 0, 0, $"could not write the site: {e.Message} (the previous output is unchanged)");
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            return false;
        }
    }

    private static bool IsSafeToReplace(string target, DiagnosticBag diagnostics)
    {
        if (File.Exists(target))
        {
            diagnostics.Error(Codes.UnsafeOutput, DisplayPath.Of(target), 0, 0, "the output path is a file, not a folder (choose another --out)");
            return false;
        }
        if (!Directory.Exists(target)) return true;
        var info = new DirectoryInfo(target);
        var isRootLike = info.Parent is null || target == Path.GetFullPath(Environment.CurrentDirectory)
            || target == Path.GetFullPath(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        var ours = File.Exists(Path.Combine(target, Marker));
        var empty = !info.EnumerateFileSystemInfos().Any();
        if (info.LinkTarget is not null || isRootLike || (!ours && !empty))
        {
            diagnostics.Error(Codes.UnsafeOutput, DisplayPath.Of(target), 0, 0,
                "the output folder exists, is not empty and was not made by RoadmapGen, so it will not be replaced (choose another --out, or empty it yourself)");
            return false;
        }
        return true;
    }
}
