using System.Security.Cryptography;

namespace RoadmapGen.Render;

/// <summary>
/// Static files from templates/assets, renamed with a content hash ("style.3f2a9c1e.css") so
/// hosts can cache them forever and a changed file is never served stale.
/// </summary>
public sealed class Assets
{
    public required IReadOnlyList<OutputFile> Files { get; init; }
    /// <summary>"style_css" → its fingerprinted URL, for templates.</summary>
    public required IReadOnlyDictionary<string, string> Urls { get; init; }

    public static Assets Load(string templatesRoot, Routes urls, RoadmapGen.Diagnostics.DiagnosticBag diagnostics)
    {
        var dir = Path.Combine(templatesRoot, "assets");
        var files = new List<OutputFile>();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                if (!RoadmapGen.Load.LinkedFiles.StaysInside(templatesRoot, file, diagnostics)) continue;
                var bytes = File.ReadAllBytes(file);
                var name = Path.GetFileName(file);
                var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
                var fingerprinted = $"{Path.GetFileNameWithoutExtension(name)}.{hash}{Path.GetExtension(name)}";
                files.Add(new OutputFile { Path = urls.OutputPath(urls.Asset(fingerprinted)), Content = bytes });
                map[Key(name)] = urls.Asset(fingerprinted);
            }
        }
        return new Assets { Files = files, Urls = map };
    }

    public static string Key(string fileName) => new(fileName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
