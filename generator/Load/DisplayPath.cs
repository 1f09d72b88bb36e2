namespace RoadmapGen.Load;

/// <summary>Paths as shown in diagnostics: relative to the working directory, with '/' on every OS.</summary>
public static class DisplayPath
{
    public static string Of(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.Replace('\\', '/');
    }
}
