using System.Text.Json;
using System.Text.RegularExpressions;

namespace RoadmapGen.BrowserTests.Infrastructure;

/// <summary>
/// A private copy of the real content, built and served under /roadmap/ for tests that change
/// the content and build again (the shared site stays as it is). Deletes its folders on dispose.
/// </summary>
public sealed partial class OwnSite() : GeneratedSite(site => RepositoryFiles.CopyContent(site.Content))
{
    public static async Task<OwnSite> StartAsync()
    {
        var site = new OwnSite();
        await site.InitializeAsync();
        return site;
    }

    public void ChangeTopic(string roadmap, string slug, string from, string to)
    {
        var file = Path.Combine(Content, "roadmaps", roadmap, "topics", slug + ".md");
        var text = File.ReadAllText(file);
        if (!text.Contains(from, StringComparison.Ordinal)) throw new ArgumentException($"'{from}' is not in {file}");
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    [GeneratedRegex("""const BUILD = "([0-9a-f]+)";""")]
    private static partial Regex BuildLine();

    /// <summary>The cache the built service worker saves into.</summary>
    public string CacheName => "roadmapgen-" + BuildLine().Match(File.ReadAllText(Path.Combine(OutDir, "sw.js"))).Groups[1].Value;

    /// <summary>The page URLs a roadmap's offline list names.</summary>
    public IReadOnlyList<string> OfflinePages(string roadmap) => OfflineList(roadmap, "pages");

    /// <summary>The other files a roadmap's offline list names: assets, images, the search index.</summary>
    public IReadOnlyList<string> OfflineFiles(string roadmap) => OfflineList(roadmap, "files");

    private IReadOnlyList<string> OfflineList(string roadmap, string part)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutDir, roadmap, "offline.json")));
        return json.RootElement.GetProperty(part).EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
