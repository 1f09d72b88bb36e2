namespace RoadmapGen.Load;

/// <summary>
/// Paths as shown in diagnostics: relative to the working directory, with '/' on every OS.
/// The base is async-local so tests (and serve) can render paths relative to their own root
/// without changing the process-wide working directory.
/// </summary>
public static class DisplayPath
{
    private static readonly AsyncLocal<string?> Root = new();

    public static string Of(string fullPath)
    {
        var relative = Path.GetRelativePath(Root.Value ?? Environment.CurrentDirectory, fullPath);
        return relative.Replace('\\', '/');
    }

    /// <summary>Shows paths relative to <paramref name="root"/> until the returned scope is disposed.</summary>
    public static IDisposable RelativeTo(string root)
    {
        var previous = Root.Value;
        Root.Value = Path.GetFullPath(root);
        return new Scope(() => Root.Value = previous);
    }

    private sealed class Scope(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
