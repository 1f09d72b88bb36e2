namespace RoadmapGen.Tests;

/// <summary>Finds the repository from the test binaries, so tests run from any working directory.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Content => Path.Combine(RepoRoot, "content");
    public static string Templates => Path.Combine(RepoRoot, "templates");
    public static string Golden => Path.Combine(RepoRoot, "tests", "golden");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RoadmapGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("RoadmapGen.sln not found above the test binaries");
    }

    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "roadmapgen-tests", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
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
