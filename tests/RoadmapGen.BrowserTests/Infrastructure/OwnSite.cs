using System.Text.Json;
using System.Text.RegularExpressions;
using RoadmapGen.Cli;

namespace RoadmapGen.BrowserTests.Infrastructure;

/// <summary>
/// A private copy of the real content, built and served under /roadmap/ for tests that change
/// the content and build again (the shared site stays as it is). Deletes its folders on dispose.
/// </summary>
public sealed partial class OwnSite : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "roadmapgen-own-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _templates;
    private SiteServer? _server;

    private OwnSite(string repoRoot)
    {
        _templates = Path.Combine(repoRoot, "templates");
        foreach (var file in Directory.GetFiles(Path.Combine(repoRoot, "content"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Content, Path.GetRelativePath(Path.Combine(repoRoot, "content"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Content => Path.Combine(_root, "content");
    public string OutDir => Path.Combine(_root, "site");
    public Uri SiteUrl => _server!.SiteUrl;

    public static async Task<OwnSite> StartAsync(string repoRoot)
    {
        var site = new OwnSite(repoRoot);
        site.Build();
        site._server = await SiteServer.StartAsync(site.OutDir, SiteFixture.BasePath);
        return site;
    }

    /// <summary>Builds the content into the served folder (a build replaces the folder it wrote before).</summary>
    public void Build()
    {
        var log = new StringWriter();
        if (BuildCommand.Run(new BuildOptions(Content, _templates, SiteFixture.BasePath), OutDir, log) != 0)
            throw new InvalidOperationException("The site did not build:\n" + log);
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
    public IReadOnlyList<string> OfflinePages(string roadmap)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutDir, roadmap, "offline.json")));
        return json.RootElement.GetProperty("pages").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
