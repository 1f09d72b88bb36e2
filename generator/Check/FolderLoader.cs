using System.Text;
using RoadmapGen.Render;

namespace RoadmapGen.Check;

/// <summary>Reads any folder of HTML (ours, Hugo's, anyone's) into the in-memory form Check works on.</summary>
public static class FolderLoader
{
    public static List<OutputFile> Load(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        var result = new OutputFile[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var path = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
            var isHtml = path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
            // Only pages are read: every other file just has to exist.
            result[i] = isHtml
                ? new OutputFile { Path = path, Html = File.ReadAllText(files[i], Encoding.UTF8) }
                : new OutputFile { Path = path, Content = [] };
        });
        return result.ToList();
    }
}
