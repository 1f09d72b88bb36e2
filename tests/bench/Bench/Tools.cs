namespace RoadmapGen.Bench;

/// <summary>Finding programs, the repository root and small statistics.</summary>
public static class Tools
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Which(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds Directory.Build.props and generator/.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "generator")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static int CountHtmlFiles(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories).Count() : 0;

    public static void DeleteDirectory(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static void CopyDirectory(string source, string target)
    {
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        }
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }

    /// <summary>How to start RoadmapGen: a native binary directly, a roadmapgen.dll through dotnet.</summary>
    public static (string Exe, string[] Prefix) RoadmapGen(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? (Which("dotnet") ?? "dotnet", [path]) : (path, []);

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1, 5, 15 min)";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
