using RoadmapGen.Diagnostics;
using RoadmapGen.Load;
using RoadmapGen.Render;

namespace RoadmapGen.Write;

/// <summary>
/// Write stage: all files go to a fresh sibling folder, which then replaces the output folder
/// in one atomic step (<see cref="FolderSwap"/>). A failed build never reaches here, a failed
/// write leaves the old site, and a build killed at any moment leaves a whole old or new site;
/// the next build removes what it left beside it (<see cref="Leftovers"/>). Only a folder this
/// tool made (it holds <see cref="Marker"/>) or an empty one is replaced.
/// </summary>
public static class SiteWriter
{
    public const string Marker = ".roadmapgen";

    /// <summary>Writes the whole site in one go (stage, then swap): what callers without overlap need.</summary>
    public static bool Write(IReadOnlyList<OutputFile> files, string outFolder, DiagnosticBag diagnostics)
    {
        var staging = Begin(outFolder, diagnostics);
        if (staging is null) return false;
        staging.Stage(files);
        return staging.Commit(diagnostics);
    }

    /// <summary>
    /// Checks that the output folder may be replaced and opens a staging folder beside it, or
    /// reports why not and returns null. The build can then write pages while links are checked.
    /// </summary>
    public static Staging? Begin(string outFolder, DiagnosticBag diagnostics)
    {
        var target = Path.GetFullPath(outFolder);
        if (!IsSafeToReplace(target, diagnostics)) return null;
        Leftovers.RemoveBeside(target);
        var parent = Path.GetDirectoryName(target)!;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return new Staging(target, Path.Combine(parent, $"{Path.GetFileName(target)}.tmp-{suffix}"),
            Path.Combine(parent, $"{Path.GetFileName(target)}.old-{suffix}"));
    }

    /// <summary>A folder being filled beside the output; it replaces the output only on <see cref="Commit"/>.</summary>
    public sealed class Staging(string target, string folder, string previous)
    {
        private Exception? _failure;
        // Held open (locked) while this build owns the folder, so no other build takes it for a leftover.
        private FileStream? _marker;

        public void Stage(IReadOnlyList<OutputFile> files)
        {
            try
            {
                // The marker comes first: from its first moment the folder is recognisably ours.
                Directory.CreateDirectory(folder);
                _marker = new FileStream(Path.Combine(folder, Marker), FileMode.CreateNew, FileAccess.Write, FileShare.None);
                _marker.Write("This folder is written by RoadmapGen and replaced on every build.\n"u8);
                _marker.Flush();
                foreach (var dir in files.Select(f => Path.GetDirectoryName(f.Path)).Distinct().OfType<string>())
                    Directory.CreateDirectory(Path.Combine(folder, dir));
                Parallel.ForEach(files, file => UnchangedFiles.Put(Path.Combine(folder, file.Path), Path.Combine(target, file.Path), file.Content));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or AggregateException)
            {
                _failure = e is AggregateException a ? a.InnerException ?? a : e;
            }
        }

        /// <summary>Swaps the staged folder into place; the previous output survives any failure.</summary>
        public bool Commit(DiagnosticBag diagnostics)
        {
            try
            {
                if (_failure is not null) throw _failure;
                var old = FolderSwap.Swap(folder, target, previous);
                CloseMarker();
                RemoveOld(old);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(Codes.WriteFailed, DisplayPath.Of(target), 0, 0, $"could not write the site: {e.Message} (the previous output is unchanged)");
                Discard();
                return false;
            }
        }

        /// <summary>Removes the staging folder (only ever one this run created).</summary>
        public void Discard()
        {
            CloseMarker();
            if (Directory.Exists(folder)) Leftovers.Remove(folder);
        }

        /// <summary>The previous output, once replaced, is only in the way; if it cannot go now, the next build removes it.</summary>
        private static void RemoveOld(string? old)
        {
            try
            {
                if (old is not null) Leftovers.Remove(old);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        private void CloseMarker()
        {
            _marker?.Dispose();
            _marker = null;
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
