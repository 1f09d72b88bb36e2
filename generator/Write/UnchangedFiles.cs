using System.Buffers;
using System.Runtime.InteropServices;

namespace RoadmapGen.Write;

/// <summary>
/// A file that the output being replaced already holds, byte for byte, goes into the staging
/// folder as a hard link to that file (a second name for the same bytes) rather than being
/// written again. Most files are the same from one build to the next, and creating, filling and
/// later freeing a file is most of the write's kernel time; a link is one directory entry, and
/// removing the previous output then frees nothing. Linking leaves the previous output as it was,
/// so a failed or killed build still leaves it whole. An unchanged file keeps its modification
/// time, so tools that copy by date (rsync, deploy steps) skip it. Anything that is not a
/// non-empty regular file with the same bytes, and a system or file system without hard links,
/// gets a freshly written file, as before.
/// </summary>
internal static partial class UnchangedFiles
{
    /// <summary>Puts <paramref name="content"/> at <paramref name="path"/>, linked from <paramref name="previous"/> when that holds the same bytes.</summary>
    public static void Put(string path, string previous, byte[] content)
    {
        if (HoldsSameBytes(previous, content) && TryLink(previous, path)) return;
        File.WriteAllBytes(path, content);
    }

    private static bool HoldsSameBytes(string previous, byte[] content)
    {
        // An empty file is as cheap to write as to compare; a non-empty length also rules out
        // pipes and devices (their length is 0), which could block a read.
        if (!OperatingSystem.IsLinux() || content.Length == 0) return false;
        try
        {
            var info = new FileInfo(previous);
            // A symbolic link would be linked as a link, pointing anywhere: only regular files qualify.
            if (!info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint) || info.Length != content.Length) return false;
            using var handle = File.OpenHandle(previous);
            var buffer = ArrayPool<byte>.Shared.Rent(content.Length);
            try
            {
                var read = 0;
                while (read < content.Length && RandomAccess.Read(handle, buffer.AsSpan(read, content.Length - read), read) is var n and > 0)
                    read += n;
                return read == content.Length && buffer.AsSpan(0, read).SequenceEqual(content);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>False when the link could not be made (no support for links, another file system, too many links): write the file instead.</summary>
    private static bool TryLink(string existing, string created)
    {
        try
        {
            return Link(existing, created) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // link(2) names the file itself, never a symbolic link's target.
    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);
}
