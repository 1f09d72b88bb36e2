namespace RoadmapGen.Tests;

/// <summary>The repository's folders the unit tests read (see <see cref="RepositoryFiles"/>), and their temporary folders.</summary>
public static class TestPaths
{
    public static string RepoRoot => RepositoryFiles.Root;
    public static string Content => RepositoryFiles.Content;
    public static string Templates => RepositoryFiles.Templates;
    public static string Golden => Path.Combine(RepoRoot, "tests", "golden");

    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "roadmapgen-tests", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void CopyDirectory(string from, string to) => RepositoryFiles.CopyFolder(from, to);
}

/// <summary>Temporary folders a test class makes, deleted when xunit disposes the class (after each test).</summary>
public sealed class TempDirs : IDisposable
{
    private readonly List<string> _made = [];

    public string New()
    {
        var dir = TestPaths.NewTempDir();
        _made.Add(dir);
        return dir;
    }

    public void Dispose()
    {
        foreach (var dir in _made.Where(Directory.Exists)) Directory.Delete(dir, recursive: true);
    }
}
