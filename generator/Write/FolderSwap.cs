using System.Runtime.InteropServices;

namespace RoadmapGen.Write;

/// <summary>
/// Puts a staged folder in the output's place in one atomic step, so a process killed at any
/// moment leaves the complete old or the complete new output, never none. On Linux that step is
/// renameat2(RENAME_EXCHANGE), which swaps two paths in one system call; an output that does not
/// exist yet is created by one plain rename. Where the exchange is missing (another OS, an old
/// kernel or C library, a file system without it), two renames are the fallback, and a kill
/// between them leaves no output until the next build.
/// </summary>
internal static partial class FolderSwap
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;
    private const int Enosys = 38, Einval = 22;

    /// <summary>Swaps <paramref name="staged"/> into <paramref name="target"/>; throws only when the output is as it was.</summary>
    /// <returns>Where the previous output now is (to remove), or null when there was none.</returns>
    public static string? Swap(string staged, string target, string previous)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staged, target);
            return null;
        }
        if (TryExchange(staged, target))
        {
            // The new site is in place. The old one has the staging folder's name; give it a name
            // that says what it is, or leave it for the next build to remove.
            try
            {
                Directory.Move(staged, previous);
                return previous;
            }
            catch (IOException)
            {
                return staged;
            }
        }
        Directory.Move(target, previous);
        try
        {
            Directory.Move(staged, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }
        return previous;
    }

    /// <summary>True when the two paths were exchanged; false when this system cannot (use the fallback); throws on any other failure.</summary>
    private static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        int result;
        try
        {
            result = RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        if (result == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno is Enosys or Einval) return false;
        throw new IOException($"could not swap '{a}' into '{b}': {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
