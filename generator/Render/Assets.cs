using System.Security.Cryptography;
using RoadmapGen.Render.Strings;

namespace RoadmapGen.Render;

/// <summary>
/// Static files from templates/assets, renamed with a content hash ("style.3f2a9c1e.css") so
/// hosts can cache them forever and a changed file is never served stale; and beside them each
/// language's words for the scripts (<see cref="ScriptStrings"/>), fingerprinted alike.
/// </summary>
public sealed class Assets
{
    public required IReadOnlyList<OutputFile> Files { get; init; }
    /// <summary>"style_css" → its fingerprinted URL, for templates.</summary>
    public required IReadOnlyDictionary<string, string> Urls { get; init; }
    /// <summary>Language code → the URL of its scripts' words; a language without a strings file has none.</summary>
    public IReadOnlyDictionary<string, string> Strings { get; init; } = new Dictionary<string, string>();

    /// <param name="languages">The code of every language the site is built in.</param>
    public static Assets Load(string templatesRoot, Routes urls, InterfaceStrings strings, IEnumerable<string> languages,
        RoadmapGen.Diagnostics.DiagnosticBag diagnostics)
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
                var fingerprinted = $"{Path.GetFileNameWithoutExtension(name)}.{Fingerprint(bytes)}{Path.GetExtension(name)}";
                files.Add(new OutputFile { Path = urls.OutputPath(urls.Asset(fingerprinted)), Content = bytes });
                map[Key(name)] = urls.Asset(fingerprinted);
            }
        }
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            if (strings.For(language) is not { } table) continue;
            var bytes = ScriptStrings.Script(table);
            var url = urls.StringsScript(language, Fingerprint(bytes));
            files.Add(new OutputFile { Path = urls.OutputPath(url), Content = bytes });
            scripts[language] = url;
        }
        return new Assets { Files = files, Urls = map, Strings = scripts };
    }

    public static string Key(string fileName) => new(fileName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static string Fingerprint(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
}
